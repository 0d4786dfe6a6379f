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
  ColumnLabels: {
    ref: string;
    text: string;
    kind: string;
    trafficLight: string;
    lifecycle: string;
    due: string;
    owner: string;
    directorate: string;
    confidence: string;
    lastUpdated: string;
    causesOfConcern: string;
    report: string;
  };
  /** The update round page (src/components/round/strings.ts). */
  UpdateRound: import('../../../components/round/strings').RoundStrings;
}

declare module 'RecommendationTrackerWebPartStrings' {
  const strings: IRecommendationTrackerWebPartStrings;
  export = strings;
}
