declare interface IRecommendationTrackerWebPartStrings {
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  FiltersGroupName: string;
  ColumnsGroupName: string;
  TitleFieldLabel: string;
  DirectorateFieldLabel: string;
  AllDirectorates: string;
  ReportFieldLabel: string;
  AllReports: string;
  OnlyRedFieldLabel: string;
  KindFieldLabel: string;
  AllKinds: string;
  OpenOnlyFieldLabel: string;
  GroupingFieldLabel: string;
  GroupByReport: string;
  GroupByDirectorate: string;
  GroupByNone: string;
  CompactFieldLabel: string;
  PageSizeFieldLabel: string;
}

declare module 'RecommendationTrackerWebPartStrings' {
  const strings: IRecommendationTrackerWebPartStrings;
  export = strings;
}
