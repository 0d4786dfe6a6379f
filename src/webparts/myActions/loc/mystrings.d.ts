declare interface IMyActionsWebPartStrings {
  PropertyPaneDescription: string;
  DisplayGroupName: string;
  ScopeGroupName: string;
  TitleFieldLabel: string;
  TrackerPageUrlFieldLabel: string;
  TrackerPageUrlDescription: string;
  SignOffGroupName: string;
  ApproverEmailFieldLabel: string;
  ApproverEmailDescription: string;
  DirectorateFieldLabel: string;
  AllDirectorates: string;
  ReportFieldLabel: string;
  AllReports: string;
  DefaultTitle: string;
  Loading: string;
  Empty: string;
  BandOverdue: string;
  BandDueSoon: string;
  BandUpdateOverdue: string;
  BandOther: string;
  PostUpdate: string;
  RequestClosure: string;
  OpenInTracker: string;
  ActionOf: string;
  Due: string;
  NoDueDate: string;
  LastUpdate: string;
  NeverUpdated: string;
  AwaitingSignOff: string;
  UpdatePosted: string;
  ClosureRequested: string;
  ScopedTo: string;
  CannotEdit: string;
  BandSignOff: string;
  DecideClosure: string;
  ClosureAskedBy: string;
  ClosureDecided: string;
  TrackerPageRefused: string;
  LoadingPart: string;
  PartFailed: string;
}

declare module 'MyActionsWebPartStrings' {
  const strings: IMyActionsWebPartStrings;
  export = strings;
}
