/**
 * The words of the tracker's screens, shared by the three web parts and the workbench. A string
 * with placeholders names each one in its comment (`{0}`: …); a string with plural forms is an
 * object with a form per plural category of the locale (`one`, `other` in en-GB), `{0}` the number.
 */
/** A string in each plural form of the locale (`Intl.PluralRules` categories; `other` always). */
declare interface ITrackerPlural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

declare interface ITrackerStrings {
  /** Words used across screens. */
  Common: {
    Close: string;
    CloseMessage: string;
    Save: string;
    Saving: string;
    Cancel: string;
    None: string;
  };
  /** The column names: the grid's headers, the Excel export's headers, the property pane's "Visible columns". */
  Columns: {
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
  /** The set-up check every screen sits in. */
  Shell: {
    Loading: string;
    NotSetUpOwner: string;
    SetUp: string;
    SettingUp: string;
    CreatingLists: string;
    NotSetUp: string;
  };
  /** The tracker's filters and search. */
  FilterBar: {
    Label: string;
    SearchPlaceholder: string;
    SearchLabel: string;
    Report: string;
    AllReports: string;
    Kind: string;
    AllKinds: string;
    Status: string;
    AllStatuses: string;
    TrafficLight: string;
    AllColours: string;
    Owner: string;
    AllOwners: string;
    Directorate: string;
    AllDirectorates: string;
    DueWithin: string;
    AnyTime: string;
    /** `{0}`: the number of days. */
    Days: ITrackerPlural;
    Overdue: string;
    UpdateOverdue: string;
    OpenOnly: string;
    Clear: string;
  };
  /** The tracker's grid, counts and commands. */
  Tracker: {
    /** `{0}`: the reference. */
    Open: string;
    /** `{0}`: the force's own row's reference; `{1}`: its report. */
    CarriedBy: string;
    /** `{0}`: the national recommendation's reference; `{1}`: its report. */
    Repeats: string;
    UpdateOverdueFlag: string;
    OverdueFlag: string;
    /** `{0}`: why confidence disagrees with the facts. */
    DisagreesFlag: string;
    SortedAscending: string;
    SortedDescending: string;
    NewRecommendation: string;
    NewReport: string;
    ExportToExcel: string;
    Refresh: string;
    TrackerSettings: string;
    ReminderRules: string;
    Commands: string;
    /** `{0}`: the item id the page address named. */
    NotInTracker: string;
    LoadingRules: string;
    LoadingRecommendations: string;
    /** `{0}`: rows shown; `{1}`: all rows; among those shown, `{2}` RED, `{3}` AMBER, `{4}` GREEN, `{5}` WHITE. */
    Counts: string;
    /** ` · ` then `{0}`: national rows counted with the force's own. */
    CountedWithOwn: ITrackerPlural;
    /** ` · ` then `{0}`: items that need completing. */
    NeedCompleting: ITrackerPlural;
    /** `{0}`: recommendations loaded so far. */
    LoadedSoFar: string;
    Grid: string;
    NoMatch: string;
    Previous: string;
    Next: string;
    /** `{0}`: this page; `{1}`: how many pages. */
    PageOf: string;
    NoReport: string;
    NoDirectorate: string;
    /** `{0}`: the policy statement; `{1}`: how many stored colours were brought up to date. */
    SettingsSaved: ITrackerPlural;
    /** `{0}`: the report's title. */
    ReportAdded: string;
    /** `{0}`: the recommendation's reference. */
    RecommendationAdded: string;
    /** `{0}`: how many texts were cut short; `{1}`: which ("Ref 1, Recommendation (40,000 characters)"). */
    ExportTruncated: ITrackerPlural;
    /** `{0}`: the item's reference; `{1}`: the column; `{2}`: the text's length. */
    TruncatedCell: string;
    ExportFileName: string;
  };
  /** Tracker settings (site owners): what RED is measured against. */
  TrackerSettings: {
    Title: string;
    MeasureAgainst: string;
    Original: string;
    OriginalDescription: string;
    Current: string;
    CurrentDescription: string;
    Applies: string;
    /** `{0}`: the policy the site holds now, as the option names it (lower case). */
    ChangedElsewhere: string;
  };
}

declare module 'TrackerStrings' {
  const strings: ITrackerStrings;
  export = strings;
}
