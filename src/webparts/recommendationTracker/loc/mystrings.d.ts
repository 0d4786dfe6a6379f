declare interface IRecommendationTrackerWebPartStrings {
  PropertyPaneDescription: string;
  ColumnsGroupName: string;
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
