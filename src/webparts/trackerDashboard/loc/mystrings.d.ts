declare interface ITrackerDashboardWebPartStrings {
  PropertyPaneDescription: string;
  TrackerPageUrlDescription: string;
}

declare module 'TrackerDashboardWebPartStrings' {
  const strings: ITrackerDashboardWebPartStrings;
  export = strings;
}
