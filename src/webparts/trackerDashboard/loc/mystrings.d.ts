declare interface ITrackerDashboardWebPartStrings {
  PropertyPaneDescription: string;
  /** The title a web part shows until its author sets one. */
  DefaultTitle: string;
  TrackerPageUrlDescription: string;
}

declare module 'TrackerDashboardWebPartStrings' {
  const strings: ITrackerDashboardWebPartStrings;
  export = strings;
}
