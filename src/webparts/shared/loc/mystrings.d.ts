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
  /** The property pane fields every web part shares. */
  Pane: {
    DisplayGroup: string;
    FiltersGroup: string;
    Title: string;
    Directorate: string;
    AllDirectorates: string;
    Report: string;
    AllReports: string;
    TrackerPageUrl: string;
  };
  /** Words used across screens. */
  Common: {
    /** An item named by its kind and reference ("Recommendation 3"): `{0}`: the kind's name; `{1}`: the reference. */
    KindRef: string;
    /** An item's panel heading ("3 · Recommendation"): `{0}`: the reference; `{1}`: the kind's name. */
    RefKind: string;
    /** Between the entries of a list the locale's list form does not fit: phrases with commas of their own. */
    ListSeparator: string;
    Close: string;
    CloseMessage: string;
    Save: string;
    Saving: string;
    Cancel: string;
    None: string;
    /** `{0}`: why the Adaptive Card could not be drawn. */
    CardNotShown: string;
    CardEmpty: string;
  };
  // ── Stored values and the date picker (issue 16, part 1: values shown as the screens name them) ──
  /**
   * The values the lists store, as the screens show them. Each group is keyed by the stored values
   * themselves: English, as SharePoint holds them and filters name them, and never translated; only
   * the names are. `src/components/common/values.ts` types every group against core's value set, so
   * tsc fails when a group misses a value, and tests/unit/values.test.ts checks the locale files.
   */
  Values: {
    /** What a finding is (core RECOMMENDATION_KINDS). */
    kind: {
      Recommendation: string;
      'Area for improvement': string;
      'Cause of concern': string;
      'Accelerated cause of concern': string;
      'Area for attention': string;
      'Area for enhancement': string;
      'Plan commitment': string;
    };
    /** Whom a recommendation is addressed to (core APPLIES_TO). */
    appliesTo: {
      Force: string;
      National: string;
      'Other body': string;
    };
    /** An item's status (core LIFECYCLES). */
    lifecycle: {
      'Awaiting review': string;
      'Being progressed': string;
      'Complete, awaiting sign-off': string;
      'Closed by the force': string;
      'Discharged by the inspectorate': string;
      'No further action': string;
    };
    /** The traffic lights (core TRAFFIC_LIGHTS). */
    trafficLight: {
      GREEN: string;
      AMBER: string;
      RED: string;
      WHITE: string;
    };
    /** The owner's confidence (core CONFIDENCES). */
    confidence: {
      High: string;
      Medium: string;
      Low: string;
    };
    /** Who published a report (core SOURCES). */
    source: {
      HMICFRS: string;
      HMCPSI: string;
      'HMI Probation': string;
      'Joint inspection': string;
      IOPC: string;
      Coroner: string;
      'Internal audit': string;
      'Police and crime plan': string;
      Ofsted: string;
      CQC: string;
      Other: string;
    };
    /** The type of report (core REPORT_TYPES). */
    reportType: {
      PEEL: string;
      'National thematic': string;
      'Force inspection': string;
      'Joint inspection': string;
      Revisit: string;
      'Learning recommendations': string;
      'Prevention of future deaths': string;
      Audit: string;
      Plan: string;
      Other: string;
    };
    /** Whether the force itself was inspected (core SCOPES). */
    scope: {
      'Force inspected': string;
      'Selection of forces, not this force': string;
      'All forces, this force not inspected': string;
      National: string;
      'Not stated': string;
    };
    /** Where a closure request stands, in a sentence (core CLOSURE_STATES). */
    closure: {
      requested: string;
      approved: string;
      returned: string;
    };
    /** Where an extension request stands, in a sentence (core EXTENSION_STATES). */
    extension: {
      requested: string;
      approved: string;
      refused: string;
    };
  };
  /**
   * Fluent's date picker and its calendar (every date picker is `UkDatePicker`), so that none of
   * Fluent's built-in English shows. The month and day names are `Intl`'s.
   */
  DatePicker: {
    Calendar: string;
    GoToToday: string;
    PreviousMonth: string;
    NextMonth: string;
    PreviousYear: string;
    NextYear: string;
    PreviousYears: string;
    NextYears: string;
    Close: string;
    /** `{0}`: the date chosen. */
    SelectedDate: string;
    /** `{0}`: today's date. */
    TodaysDate: string;
    /** `{0}`: the year whose months are shown. */
    MonthPickerHeading: string;
    /** `{0}`: the years shown. */
    YearPickerHeading: string;
    DayMarked: string;
    /** `{0}`: the week's number. */
    WeekNumber: string;
    Required: string;
    InvalidDate: string;
    /** `{0}`: the text typed; `{1}`: the date kept instead. */
    DateReset: string;
  };
  // ── end of stored values and the date picker ──
  /** Due dates and colours in words, as every screen writes them. */
  Format: {
    /** `{0}`: the timescale as the source wrote it; `{1}`: the date agreed since. */
    NowDue: string;
    /** `{0}`: the words the tracker cannot read as a date. */
    Unreadable: string;
    Immediate: string;
    NoDeadline: string;
    AwaitingTimescale: string;
    /** `{0}`: the colour the source recorded; `{1}`: when. */
    Recorded: string;
    /** `{0}`: the colour the source recorded; `{1}`: when; `{2}`: the colour the tracker shows; `{3}`: why. */
    ColourDifference: string;
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
  /** Items SharePoint holds that the tracker cannot read, listed to be completed. */
  NeedsCompleting: {
    /** `{0}`: how many. */
    Count: ITrackerPlural;
    /** Follows the count; its form follows the number. */
    Consequence: ITrackerPlural;
    Caption: string;
    Item: string;
    List: string;
    Status: string;
    Problems: string;
    Complete: string;
    /** `{0}`: the item's id. */
    Untitled: string;
    Flag: string;
    /** `{0}`: the item's id. */
    Edit: string;
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
  /** The person picker and the date picker of the forms. */
  Pickers: {
    Nobody: string;
    AsWritten: string;
    /** `{0}`: the person's name; `{1}`: their e-mail address. */
    Suggestion: string;
    /** `{0}`: the e-mail address typed. */
    Lookup: string;
    NoMatch: string;
    /** `{0}`: the name typed. */
    NotASiteUser: string;
    DatePlaceholder: string;
  };
  /** The dashboard: headline figures and charts. */
  Dashboard: {
    Loading: string;
    /** `{0}`: why the tracker page address was refused. */
    TrackerPageRefused: string;
    /** `{0}`: how many items need completing in SharePoint (the number). */
    NotCounted: ITrackerPlural;
    Headlines: string;
    Open: string;
    Overdue: string;
    UpdateOverdue: string;
    /** `{0}`: how many days ahead. */
    DueSoon: string;
    ClosedThisQuarter: string;
    ByReport: string;
    NoReportYet: string;
    ByDirectorate: string;
    NoDirectorateYet: string;
    ShowChart: string;
    ShowTable: string;
    Name: string;
    Total: string;
    /** `{0}`: the bar's name; `{1}`: the colour. */
    Segment: string;
    /** `{0}`: how many; `{1}`: the colour. */
    SegmentCount: string;
    OpenOverTime: string;
    /** `{0}`: open items at the first month end; `{1}`: its date; `{2}`: open items at the last; `{3}`: its date. */
    OpenSummary: string;
    OpenAtMonthEnd: string;
    Date: string;
    OpenItems: string;
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
  /** One recommendation in the item panel. */
  Item: {
    AddUpdate: string;
    Edit: string;
    RequestClosure: string;
    DecideClosure: string;
    RequestExtension: string;
    DecideExtension: string;
    AddAction: string;
    /** `{0}`: the due date in words, or None. */
    Due: string;
    ReadOnly: string;
    /** `{0}`: who asked; `{1}`: the date; `{2}`: their evidence. */
    ClosurePending: string;
    /** `{0}`: the proposed date; `{1}`: who asked; `{2}`: their reason. */
    ExtensionPending: string;
    /** `{0}`: why confidence disagrees with the facts. */
    Disagrees: string;
    Commands: string;
    Sections: string;
    Details: string;
    AppliesTo: string;
    TheForce: string;
    Accepted: string;
    NotDecided: string;
    Yes: string;
    No: string;
    Owner: string;
    Sro: string;
    NotAssigned: string;
    Directorate: string;
    Confidence: string;
    NotGiven: string;
    DependsOn: string;
    InspectorateEvidence: string;
    LatestComment: string;
    LastUpdated: string;
    Never: string;
    AnswersConcern: string;
    AnsweredBy: string;
    DueDate: string;
    NoneSet: string;
    /** `{0}`: the words the deadline was read from. */
    AsWritten: string;
    Revisions: string;
    From: string;
    To: string;
    Reason: string;
    ApprovedBy: string;
    /** `{0}`: how many. */
    Updates: string;
    UpdatesTab: string;
    LoadingUpdates: string;
    NoUpdates: string;
    UpdatesList: string;
    /** `{0}`: the confidence. */
    UpdateConfidence: string;
    /** `{0}`: how many. */
    Actions: string;
    ActionsTab: string;
    LoadingActions: string;
    NoActions: string;
    ActionNo: string;
    Action: string;
    Status: string;
    ActionDue: string;
    CurrentPosition: string;
    /** `{0}`: the action's number. */
    EditAction: string;
    History: string;
    LoadingHistory: string;
    HistoryList: string;
    /** `{0}`: the version. */
    Version: string;
    /** A version in the item's history. `{0}`: Version; `{1}`: when; `{2}`: by whom. */
    VersionLine: string;
    /** A change a version made. `{0}`: the field; `{1}`: its value before (or Empty); `{2}`: its value after (or Empty). */
    Change: string;
    /** A progress update's heading. `{0}`: when; `{1}`: by whom; `{2}`: the status it set. */
    UpdateLine: string;
    /** A value with the detail that goes with it (to whom it is addressed, the confidence's narrative). `{0}`: the value; `{1}`: the detail. */
    WithDetail: string;
    /** A concern or area for improvement an item answers. `{0}`: its reference; `{1}`: its text. */
    Concern: string;
    Empty: string;
    UpdatePosted: string;
    ChangesSaved: string;
    ClosureRequested: string;
    ClosureDecided: string;
    ExtensionRequested: string;
    ExtensionDecided: string;
    ActionSaved: string;
  };
  /** The dialogs on one recommendation: progress update, closure and extension requests and decisions. */
  Dialogs: {
    /** `{0}`: the reference. */
    UpdateTitle: string;
    PostUpdate: string;
    WhatHappened: string;
    StatusAtDate: string;
    ConfidenceLabel: string;
    /** `{0}`: the reference. */
    RequestClosureTitle: string;
    RequestClosureSubText: string;
    RequestClosure: string;
    Evidence: string;
    /** `{0}`: the reference. */
    DecideClosureTitle: string;
    RecordDecision: string;
    /** `{0}`: who asked; `{1}`: the date; `{2}`: their evidence. */
    ClosureAsked: string;
    Decision: string;
    ApproveClosed: string;
    ApproveDischarged: string;
    Return: string;
    WhyReturned: string;
    NoteOptional: string;
    /** `{0}`: the reference. */
    RequestExtensionTitle: string;
    NoDueDate: string;
    /** `{0}`: the due date in force. */
    DueNow: string;
    RequestExtension: string;
    ProposedDate: string;
    Reason: string;
    /** `{0}`: the reference. */
    DecideExtensionTitle: string;
    /** `{0}`: who asked; `{1}`: the proposed date; `{2}`: their reason. */
    ExtensionAsked: string;
    ApproveDate: string;
    Refuse: string;
  };
  /** The conflict dialog after someone else saved first. */
  Conflict: {
    Title: string;
    SubText: string;
    Caption: string;
    Field: string;
    Theirs: string;
    Yours: string;
    Reapply: string;
    KeepTheirs: string;
  };
  /**
   * Parts whose code loads when they are first opened (the item panel, the forms, the tracker
   * settings, the conflict dialog, the dashboard's drill-down grid): what is said while it loads,
   * and instead of the part if it cannot be loaded.
   */
  OnDemand: {
    LoadingItem: string;
    LoadingSettings: string;
    LoadingForm: string;
    LoadingItems: string;
    LoadingConflict: string;
    /** The browser's reason follows. */
    Failed: string;
    /** `{0}`: the sentence saying a part could not be loaded (Failed, or the part's own); `{1}`: the browser's reason. */
    FailedWith: string;
    /** The browser's reason follows. */
    ItemsFailed: string;
    /** The browser's reason follows. */
    ConflictFailed: string;
  };
  /** The fields a user edits, as the conflict dialog and the item's history name them, and their values. */
  Fields: {
    Recommendation: {
      ref: string;
      kind: string;
      text: string;
      reportId: string;
      appliesTo: string;
      addressee: string;
      acceptedForAction: string;
      causeOfConcernIds: string;
      dependsOn: string;
      owner: string;
      sro: string;
      directorate: string;
      lifecycle: string;
      due: string;
      confidence: string;
      confidenceNarrative: string;
      latestComment: string;
      closure: string;
      extension: string;
      lastUpdated: string;
    };
    Action: {
      ref: string;
      text: string;
      owner: string;
      lifecycle: string;
      due: string;
      currentPosition: string;
    };
    Yes: string;
    No: string;
    /** `{0}`: where the request stands (Values.closure); `{1}`: the evidence. */
    ClosureValue: string;
    /** `{0}`: where the request stands (Values.extension); `{1}`: the proposed date; `{2}`: the reason. */
    ExtensionValue: string;
    Item: string;
    Created: string;
    Unreadable: string;
    UnknownEditor: string;
  };
  /** The report, recommendation and action forms. */
  Forms: {
    EditReport: string;
    NewReport: string;
    SaveReport: string;
    Title: string;
    PublishedBy: string;
    Type: string;
    Published: string;
    Scope: string;
    Link: string;
    RateByTrafficLight: string;
    RateOn: string;
    RateOff: string;
    /** `{0}`: the reference. */
    EditRecommendation: string;
    NewRecommendation: string;
    OriginatingReport: string;
    Reference: string;
    Kind: string;
    Text: string;
    AppliesTo: string;
    AddressedTo: string;
    Accepted: string;
    CausesAnswered: string;
    Owner: string;
    Sro: string;
    Directorate: string;
    /** `{0}`: the due date in words. */
    DueFixed: string;
    DueDate: string;
    Status: string;
    Confidence: string;
    NotGiven: string;
    WhyConfidence: string;
    DependsOn: string;
    /** `{0}`: the action's number. */
    EditAction: string;
    NewAction: string;
    SaveAction: string;
    Number: string;
    Action: string;
    CurrentPosition: string;
  };
  /** The update round: its page in the tracker and its tab in My Actions. */
  UpdateRound: {
    Command: string;
    Heading: string;
    Back: string;
    Loading: string;
    None: string;
    RoundLabel: string;
    OpenHeading: string;
    Committee: string;
    Report: string;
    AllReports: string;
    Directorate: string;
    AllDirectorates: string;
    ReplyBy: string;
    PaperDate: string;
    OpenButton: string;
    Opened: string;
    StatusOpen: string;
    StatusClosed: string;
    /** `{0}`: the reply-by date; `{1}`: the paper's date; `{2}`: the round's state (StatusOpen or StatusClosed). */
    Summary: string;
    /** The name a round is shown by. `{0}`: its committee; `{1}`: its paper's date, in full. */
    RoundName: string;
    /** A round in the list of rounds. `{0}`: its name (RoundName); `{1}`: its state (StatusOpen or StatusClosed). */
    RoundChoice: string;
    /** The round's standing. `{0}`: CountsItems; `{1}`: CountsOwners; `{2}`: CountsMoreTime. */
    Counts: string;
    /** `{0}`: items in the round (the plural follows it); `{1}`: items answered. */
    CountsItems: ITrackerPlural;
    /** `{0}`: owners (the plural follows it); `{1}`: owners who answered for all their items. */
    CountsOwners: ITrackerPlural;
    /** `{0}`: owners who asked for more time. */
    CountsMoreTime: ITrackerPlural;
    OwnersCaption: string;
    ItemsCaption: string;
    Owner: string;
    Items: string;
    Answered: string;
    NotAnswered: string;
    MoreTime: string;
    /** The owners table's column: whether the owner's round card was delivered (Reminder Log). */
    Card: string;
    CardSent: string;
    /** `{0}`: why the card could not be delivered, as the Reminder Log records it. */
    CardFailed: string;
    CardFailedNoReason: string;
    CardWaiting: string;
    CardNoAddress: string;
    Item: string;
    Answer: string;
    NoOwner: string;
    NotYet: string;
    /** `{0}`: who answered; `{1}`: when; `{2}`: the answer. */
    AnsweredBy: string;
    /** `{0}`: the due date asked for; `{1}`: the reason. */
    MoreTimeAsked: string;
    CloseButton: string;
    /** `{0}`: the paper's date. */
    CloseConfirm: string;
    CloseConfirmButton: string;
    Cancel: string;
    IssueButton: string;
    Closed: string;
    PaperLink: string;
    Conflict: string;
    Tab: string;
    MyWorkTab: string;
  };
  /** The reminder rules page: the rules, the rule form, its card preview and test run. */
  Reminders: {
    Heading: string;
    NewRule: string;
    Back: string;
    Tabs: string;
    RulesTab: string;
    HistoryTab: string;
    NoRules: string;
    /** `{0}`: the rule's name. */
    Saved: string;
    /** What starts a rule, by the form's trigger. */
    Triggers: {
      itemCreated: string;
      itemChanged: string;
      fieldChanged: string;
      schedule: string;
    };
    /** The fields a "field changes" rule watches. */
    WatchedFields: {
      trafficLight: string;
      lifecycle: string;
      owner: string;
      sro: string;
      approver: string;
      dueDate: string;
      closure: string;
      extension: string;
      directorate: string;
      confidence: string;
    };
    /** The conditions a rule can narrow its items by. */
    Conditions: {
      trafficLight: string;
      lifecycle: string;
      appliesTo: string;
      kind: string;
      dueWithin: string;
      overdueBy: string;
      noUpdateFor: string;
      report: string;
      directorate: string;
      roundReplyDue: string;
      roundOverdueBy: string;
    };
    /** Who a rule notifies. */
    Recipients: {
      owner: string;
      sro: string;
      approver: string;
      person: string;
      group: string;
      channel: string;
    };
    /** In the list's trigger: `{0}`: the field; `{1}`: the value it changes from; `{2}`: to. */
    FieldChanged: string;
    /** A "from"/"to" of the list's trigger that is not a fixed value, in a sentence. */
    ChangeAny: string;
    ChangeEmpty: string;
    ChangeAnySet: string;
    /** The same, as the form's choices. */
    AnyValue: string;
    Empty: string;
    AnyValueSet: string;
    /** The fields a conflicting edit of a rule compares. */
    ConflictFields: {
      name: string;
      enabled: string;
      definition: string;
    };
    Rule: string;
    On: string;
    Off: string;
    Trigger: string;
    Who: string;
    LastFired: string;
    NextDue: string;
    Edit: string;
    Never: string;
    /** `{0}`: where in the rule, by the form's label; `{1}`: what is wrong there. */
    NotRun: string;
    /** `{0}`: the rule's name. */
    EditRuleLabel: string;
    /** When a rule runs next: an enabled rule that a change to an item starts. */
    WhenAnItemChanges: string;
    /** `{0}`: the day of the next sweep; `{1}`: its time. */
    NextSweep: string;
    NewRuleTitle: string;
    /** `{0}`: the rule's name. */
    EditRuleTitle: string;
    SaveRule: string;
    /** `{0}`: the problems, each as ProblemAt, separated by "; ". */
    CannotSave: string;
    /** `{0}`: where in the rule, by the form's label; `{1}`: what is wrong there. */
    ProblemAt: string;
    /** A field of a numbered row of the form, where a problem is. `{0}`: the row (Condition or Recipient); `{1}`: the field's label. */
    FieldOf: string;
    Name: string;
    Key: string;
    KeyDescription: string;
    WhenSection: string;
    OnlyForSection: string;
    WhoSection: string;
    MessageSection: string;
    HowOftenSection: string;
    PreviewSection: string;
    TestRunSection: string;
    Field: string;
    From: string;
    To: string;
    EveryItem: string;
    /** `{0}`: the condition's number. */
    Condition: string;
    Days: string;
    Values: string;
    ReportIds: string;
    Directorates: string;
    /** `{0}`: the condition's number. */
    RemoveCondition: string;
    AddCondition: string;
    /** `{0}`: the recipient's number. */
    Recipient: string;
    Email: string;
    WebhookUrl: string;
    /** `{0}`: the recipient's number. */
    RemoveRecipient: string;
    AddRecipient: string;
    Title: string;
    Message: string;
    /** `{0}`: the fields, each as TemplateField, separated by ", ". */
    TemplateFields: string;
    /** `{0}`: the field's name, as the template writes it; `{1}`: what it holds. */
    TemplateField: string;
    Repeat: string;
    Once: string;
    Every: string;
    EveryDays: string;
    WorkingDaysOnly: string;
    QuietHours: string;
    QuietFrom: string;
    QuietUntil: string;
    PreviewItem: string;
    /** `{0}`: the item's reference; `{1}`: the start of its text. */
    PreviewOption: string;
    /** `{0}`: why the message cannot be filled in. */
    CannotFill: string;
    /** `{0}`: why nobody the rule names can be reached for the item. */
    NobodyFor: string;
    NoRecipient: string;
    Date: string;
    WhoWouldItNotify: string;
    ChooseDate: string;
    FixFirst: string;
    Nobody: string;
    /** `{0}`: how many reminders the test run found. */
    TestRunCount: ITrackerPlural;
    /** `{0}`: the item's reference; `{1}`: the recipient's name; `{2}`: their address. */
    TestRunIntent: string;
    /** `{0}`: the item's reference; `{1}`: why nobody is notified. */
    TestRunNobody: string;
  };
  /** The reminder rules' run history: what the rules sent, filtered and paged. */
  RunHistory: {
    /** `{0}`: why (SendAgainRefusals). */
    CannotSendAgain: string;
    /** Why "send again" cannot be asked for (core/reminders/history.ts `SEND_AGAIN_REFUSAL_ENGLISH`). */
    SendAgainRefusals: {
      sent: string;
      sending: string;
      /** `{0}`: who asked. */
      alreadyAsked: string;
      nothingToSend: string;
    };
    /** How a reminder went, by its route. */
    Routes: {
      chat: string;
      activity: string;
      email: string;
      channel: string;
      card: string;
      none: string;
    };
    AnyState: string;
    StateSent: string;
    StateFailed: string;
    StateClaimed: string;
    /** `{0}`: who asked; `{1}`: when. */
    SentAgainAs: string;
    Sent: string;
    /** `{0}`: the times it was sent again, each as SentAgainAs. */
    SentAgain: string;
    /** `{0}`: how many attempts. */
    SentAfter: ITrackerPlural;
    /** `{0}`: until when. */
    Deferred: string;
    /** `{0}`: the times it was sent again, each as SentAgainAs. */
    WaitingAgain: string;
    Waiting: string;
    /** `{0}`: how many attempts; `{1}`: why the last one failed. */
    Retrying: ITrackerPlural;
    /** `{0}`: why it failed. */
    Failed: string;
    /** `{0}`: why it failed; `{1}`: who asked for it to be sent again; `{2}`: when. */
    SendAgainRequested: string;
    NoReason: string;
    /** Why it failed: the reminder service could not read its log entry. */
    Unreadable: string;
    /** Why it failed: Microsoft Graph refused the delivery. `{0}`: the HTTP status; `{1}`: Graph's error code; `{2}`: Graph's message, as Graph wrote it. */
    Refused: string;
    /** Why it failed: a request to send it again could not be honoured. `{0}`: why it had failed before. */
    NotSentAgain: string;
    SiteOwner: string;
    FromNotADate: string;
    ToNotADate: string;
    ToBeforeFrom: string;
    AskedAgain: string;
    /** `{0}`: the reminder's state now. */
    ChangedMeanwhile: string;
    When: string;
    Rule: string;
    Item: string;
    Recipient: string;
    Route: string;
    State: string;
    SendAgain: string;
    /** `{0}`: the action's id. */
    ActionId: string;
    /** `{0}`: the item's id. */
    ItemId: string;
    /** `{0}`: the item's reference. */
    OpenItem: string;
    /** `{0}`: the recipient's name; `{1}`: their address. */
    NamedRecipient: string;
    /** `{0}`: the rule's name; `{1}`: the recipient. */
    SendAgainLabel: string;
    AnyRule: string;
    FilterLabel: string;
    RecipientFilter: string;
    From: string;
    To: string;
    Show: string;
    ClearFilters: string;
    NoMatch: string;
    GridLabel: string;
    PreviousPage: string;
    NextPage: string;
    Loading: string;
    /** `{0}`: the page's number. */
    Page: string;
    /** `{0}`: the page's number. */
    LastPage: string;
  };
  // ---- Messages core produces (issue 16, part 1): codes and their values, worded here. Keep this block together. ----
  /** Messages core writes by code (src/core/messages.ts); each group is typed against its codes in src/components/common/messages.ts. */
  CoreMessages: {
    /** What can be wrong with a reminder rule, by code (core/reminders/problems.ts); the form starts each with a capital. */
    RuleProblems: {
      object: string;
      list: string;
      someText: string;
      text: string;
      /** `{0}`: the fewest days; `{1}`: the most. */
      days: string;
      /** `{0}`: the allowed values, each quoted, separated by commas. */
      oneOf: string;
      atLeastOneValue: string;
      /** `{0}`: the text given. */
      email: string;
      anyChangeLoop: string;
      reportId: string;
      atLeastOneReport: string;
      atLeastOneDirectorate: string;
      webhookUrl: string;
      trueOrFalse: string;
      /** `{0}`: the text given. */
      timeOfDay: string;
      repeatScheduleOnly: string;
      keyPattern: string;
      duplicateKey: string;
      atLeastOneRecipient: string;
      keyTaken: string;
    };
    /** Why a change of status was refused, by code (core/transitions.ts). */
    Transitions: {
      closureNeedsEvidence: string;
      /** `{0}`: the item's status. */
      closureNotOpen: string;
      returnNeedsReason: string;
      reopenNeedsReason: string;
      /** `{0}`: the item's status. */
      reopenNotClosed: string;
      extensionNeedsReason: string;
      /** `{0}`: the item's status. */
      extensionNotOpen: string;
      /** `{0}`: the date the pending request proposes. */
      extensionPending: string;
      /** `{0}`: the proposed date. */
      proposedPassed: string;
      /** `{0}`: the proposed date; `{1}`: the current due date. */
      proposedNotLater: string;
      /** `{0}`: the date as given. */
      proposedNotIso: string;
      /** `{0}`: the date as given. */
      proposedNoSuchDate: string;
      noExtensionPending: string;
      noClosurePending: string;
      redNeedsRationale: string;
      noManualRed: string;
      /** `{0}`: the item's status; `{1}`: the status asked for; `{2}`: what to do instead (a route phrase). */
      lifecycleMove: string;
      noFurtherActionNeedsReason: string;
      /** `{0}`: the step refused (an act phrase). */
      ownerCannot: string;
      /** `{0}`: who owned the item; `{1}`: the step refused (an act phrase). */
      ownedWhenAsked: string;
      /** `{0}`: who asked; `{1}`: the step refused (an act phrase). */
      requesterCannot: string;
      actorMissing: string;
      /** `{0}`: the time as given. */
      invalidInstant: string;
      progressNeedsText: string;
    };
    /** Why the rules give an item its colour, by code (core/status.ts `colourReasonOf`). */
    ColourReasons: {
      /** `{0}`: the rationale. */
      setRedByHand: string;
      noFurtherAction: string;
      /** `{0}`: the item's status. */
      closed: string;
      /** `{0}`: the addressee (or a body phrase). */
      addressedTo: string;
      /** `{0}`: what it depends on. */
      dependsOn: string;
      /** `{0}`: the item's status. */
      implemented: string;
      awaitingTimescale: string;
      /** `{0}`: the deadline that passed. */
      awaitingTimescaleSince: string;
      /** `{0}`: which deadline (a deadline phrase); `{1}`: its date; `{2}`: the days overdue (Days). */
      pastDeadline: string;
      /** `{0}`: the current deadline; `{1}`: the original one. */
      ongoingOriginalPassed: string;
      /** `{0}`: the deadline. */
      ongoing: string;
      /** `{0}`: the timescale as written. */
      ongoingNoDate: string;
      noTimescale: string;
      /** `{0}`: the timescale as written. */
      uncheckedTimescale: string;
    };
    /** How an owner's High confidence disagrees with the facts, by code (core/status.ts `confidenceDisagreement`). */
    Disagreements: {
      /** `{0}`: the due date. */
      overdue: string;
      noUpdateOnRecord: string;
      /** `{0}`: the last update's date; `{1}`: the days after which an update is overdue. */
      noUpdateSince: string;
    };
    /** The same, in short, beside the confidence in the grid, by kind (core/status.ts `disagreementKind`). */
    DisagreementFlags: {
      overdue: string;
      updateOverdue: string;
    };
    /** Which deadline makes an item RED, by the site's policy (core/status.ts `ragPolicyStatement`). */
    RagPolicies: {
      original: string;
      current: string;
    };
    /** Why a reminder's recipient cannot be reached, by code (core/reminders/evaluate.ts `resolveRecipient`). */
    Unreachable: {
      /** `{0}`: the role (a role phrase). */
      noPerson: string;
      /** `{0}`: the role (a role phrase); `{1}`: the person's name. */
      noEmail: string;
    };
    /** Phrases the messages above name by code (core/messages.ts): the step refused, the route to take, a role, a kind of deadline, a body. */
    Phrases: {
      actApproveClosure: string;
      actReturnClosure: string;
      actDecideExtension: string;
      routeRequestClosure: string;
      routeApproveClosure: string;
      routeRequestThenApprove: string;
      routeApproveOrReturn: string;
      routeReopen: string;
      routeAlready: string;
      roleOwner: string;
      roleSro: string;
      roleApprover: string;
      roleNamedPerson: string;
      deadline: string;
      originalDeadline: string;
      nationalBody: string;
      anotherBody: string;
    };
    /** What each value a reminder's message may use holds (core/reminders/form.ts `TEMPLATE_FIELDS`). */
    TemplateFields: {
      ref: string;
      report: string;
      text: string;
      kind: string;
      directorate: string;
      lifecycle: string;
      trafficLight: string;
      due: string;
      replyBy: string;
      daysToDue: string;
      daysOverdue: string;
      lastUpdated: string;
      daysSinceUpdate: string;
      owner: string;
      sro: string;
      approver: string;
      recipient: string;
    };
    /** `{0}`: the number of days. */
    Days: ITrackerPlural;
  };
  // ---- Messages of the data layer and the rest of core (issue 16, part 1, continued): codes and their values, worded here. Keep this block together. ----
  /** The data layer's problems by code (src/data/errors.ts), worded by src/components/common/errorText.ts. */
  DataMessages: {
    /** What was being done when SharePoint failed, by code (`OPERATION_ENGLISH`): the "while …" part of a problem. */
    Operations: {
      readCurrentUser: string;
      readPermissions: string;
      readOwners: string;
      readMembers: string;
      /** `{0}`: the login or address. */
      findUser: string;
      /** `{0}`: the user's id. */
      readUser: string;
      readSiteUsers: string;
      /** `{0}`: the setting's key. */
      readSetting: string;
      /** `{0}`: the setting's key. */
      saveSetting: string;
      /** `{0}`: the file's name; `{1}`: the library. */
      saveFile: string;
      /** `{0}`: the library. */
      listFiles: string;
      /** `{0}`: the file's address. */
      readFile: string;
      /** `{0}`: the list. */
      provisionList: string;
      /** `{0}`: the list. */
      provisionColumns: string;
      readSubscription: string;
      listSubscriptions: string;
      /** `{0}`: the list; `{1}`: the address notified. */
      keepSubscription: string;
      /** `{0}`: the list; `{1}`: the subscription's id. */
      removeSubscription: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      readItem: string;
      /** `{0}`: the list. */
      loadList: string;
      /** `{0}`: the list; `{1}`: the query's filter. */
      loadListWhere: string;
      /** `{0}`: the list. */
      addItem: string;
      /** `{0}`: the list. */
      saveItems: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      saveItem: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      deleteItem: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      readHistory: string;
      /** `{0}`: the list. */
      readChangeToken: string;
      /** `{0}`: the list. */
      readChanges: string;
    };
    /** What went wrong, by code (`DATA_PROBLEM_ENGLISH`). */
    Problems: {
      /** `{0}`: what was being done (Operations); `{1}`: the HTTP status. */
      throttled: string;
      /** `{0}`: what was being done (Operations). */
      threshold: string;
      /** `{0}`: what was being done (Operations). */
      accessDenied: string;
      /** `{0}`: what was being done (Operations); `{1}`: SharePoint's own words. */
      notFound: string;
      /** `{0}`: what was being done (Operations). */
      notFoundNoDetail: string;
      /** `{0}`: what was being done (Operations); `{1}`: SharePoint's own words. */
      badRequest: string;
      /** `{0}`: what was being done (Operations). */
      badRequestNoDetail: string;
      /** `{0}`: what was being done (Operations); `{1}`: the HTTP status; `{2}`: SharePoint's own words. */
      server: string;
      /** `{0}`: what was being done (Operations); `{1}`: the HTTP status. */
      serverNoDetail: string;
      /** `{0}`: what was being done (Operations); `{1}`: the browser's own words. */
      network: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      itemChanged: string;
      /** `{0}`: the item's id; `{1}`: the list. */
      itemDeleted: string;
      /** `{0}`: the setting's key; `{1}`: its value now. */
      settingChanged: string;
      /** `{0}`: the setting's key. */
      settingChangedUnset: string;
      /** `{0}`: how many failed; `{1}`: how many were sent; `{2}`: the list; `{3}`: the first failed change's number; `{4}`: its problem. */
      batch: string;
      /** `{0}`: what was being done (Operations); `{1}`: the list; `{2}`: the item's id; `{3}`: what it needs. */
      itemIncomplete: string;
      /** `{0}`: the address. */
      unknownAddress: string;
      /** `{0}`: the value held; `{1}`: the setting's key. */
      ragPolicy: string;
      /** `{0}`: the settings list; `{1}`: the key. */
      duplicateSetting: string;
      /** `{0}`: the settings list; `{1}`: the key. */
      settingWithoutEtag: string;
      /** `{0}`: the list. */
      itemWithoutId: string;
      /** `{0}`: the list. */
      itemWithoutEtag: string;
      /** `{0}`: the list. */
      noFormsFolder: string;
      /** `{0}`: the list. */
      noNewId: string;
      /** `{0}`: the list. */
      noChangeToken: string;
      /** `{0}`: the library; `{1}`: the file. */
      paperUndated: string;
      /** `{0}`: the site's schema version; `{1}`: the tracker's. */
      newerSchema: string;
      /** `{0}`: the value held. */
      schemaVersionNotNumber: string;
      /** `{0}`: the list. */
      listNotLibrary: string;
      /** `{0}`: the list. */
      listNotCustom: string;
      /** `{0}`: the column; `{1}`: the list; `{2}`: its type; `{3}`: the type needed. */
      columnWrongType: string;
      /** `{0}`: the column; `{1}`: the list; `{2}`: the list it looks up. */
      lookupNotProvisioned: string;
      /** `{0}`: SharePoint's name; `{1}`: the name asked for; `{2}`: the list. */
      columnRenamed: string;
    };
  };
  /** Why an address was refused, by code (core/links.ts `LINK_PROBLEM_ENGLISH`): a tracker page's on the tenant or on the local workbench, a report's link. */
  LinkProblems: {
    noAddress: string;
    addressHidden: string;
    /** `{0}`: the scheme as typed, with its colon; `{1}`: the tenant's host. */
    startsTenant: string;
    /** `{0}`: the scheme as typed, with its colon; `{1}`: this computer's host name. */
    startsLocal: string;
    /** `{0}`: the address, quoted; `{1}`: the tenant's host. */
    notFull: string;
    /** `{0}`: the address, quoted. */
    notWeb: string;
    /** `{0}`: the tenant's host. */
    credentialsTenant: string;
    /** `{0}`: this computer's host name. */
    credentialsLocal: string;
    /** `{0}`: the host it leads to; `{1}`: the tenant's host. */
    leadsToTenant: string;
    /** `{0}`: the host it leads to; `{1}`: this computer's host name. */
    leadsToLocal: string;
    linkHidden: string;
    /** `{0}`: the scheme as typed. */
    linkStarts: string;
    /** `{0}`: the address, quoted. */
    linkNotFull: string;
    linkCredentials: string;
  };
  /** Why a round cannot be opened, closed or have its paper issued, by code (core/round/progress.ts `ROUND_PROBLEM_ENGLISH`). */
  RoundProblems: {
    noCommittee: string;
    replyByPassed: string;
    paperBeforeReplyBy: string;
    nobodyToAsk: string;
    alreadyClosed: string;
    stillOpen: string;
    /** `{0}`: the paper date; `{1}`: the file issued. */
    paperIssued: string;
  };
  /** What an item needs to be read: what is wrong with a value SharePoint holds (core/storedValues.ts `VALUE_PROBLEM_ENGLISH`). */
  ValueProblems: {
    /** By code; each follows the column's name. */
    Codes: {
      /** `{0}`: the value as JSON. */
      expectedText: string;
      emptyRequired: string;
      empty: string;
      /** `{0}`: the value; `{1}`: the choices, separated by commas. */
      notOneOf: string;
      /** `{0}`: the value as JSON. */
      expectedNumber: string;
      /** `{0}`: the value as JSON. */
      expectedIds: string;
      /** `{0}`: the value as JSON. */
      expectedBoolean: string;
      /** `{0}`: the value. */
      notDate: string;
      /** `{0}`: the value. */
      notInstant: string;
      /** `{0}`: the value as JSON. */
      expectedLink: string;
      invalidJson: string;
      expectedJsonArray: string;
      expectedJsonObject: string;
      expectedRoundItems: string;
      /** `{0}`: the entry's number, from 1. */
      notRoundItem: string;
      expectedClosure: string;
      expectedAnswered: string;
      expectedPaperId: string;
      expectedScope: string;
      expectedReportIds: string;
      expectedDirectorates: string;
    };
    /** `{0}`: the column's name; `{1}`: what is wrong with it. */
    ColumnProblem: string;
    /** Between the columns' problems in one line. */
    Separator: string;
    /** An old version of an item in its history: `{0}`: what it would need. */
    VersionNeedsCompleting: string;
  };
}

declare module 'TrackerStrings' {
  const strings: ITrackerStrings;
  export = strings;
}
