declare interface ITrackerDashboardWebPartStrings {
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  FiltersGroupName: string;
  TitleFieldLabel: string;
  DirectorateFieldLabel: string;
  AllDirectorates: string;
  ReportFieldLabel: string;
  AllReports: string;
  TrackerPageUrlFieldLabel: string;
  TrackerPageUrlDescription: string;
}

declare module 'TrackerDashboardWebPartStrings' {
  const strings: ITrackerDashboardWebPartStrings;
  export = strings;
}
