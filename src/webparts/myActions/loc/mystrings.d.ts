declare interface IMyActionsWebPartStrings {
  PropertyPaneDescription: string;
  ScopeGroupName: string;
  TrackerPageUrlDescription: string;
  SignOffGroupName: string;
  ApproverEmailFieldLabel: string;
  ApproverEmailDescription: string;
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
  /** `{0}`: the action's reference; `{1}`: its recommendation's. */
  ActionOf: string;
  /** `{0}`: the due date. */
  Due: string;
  NoDueDate: string;
  /** `{0}`: the date of the last update. */
  LastUpdate: string;
  NeverUpdated: string;
  AwaitingSignOff: string;
  /** `{0}`: the item's reference. */
  UpdatePosted: string;
  /** `{0}`: the item's reference. */
  ClosureRequested: string;
  /** `{0}`: the channel and the scope ("Team › Channel · Crime"), joined by ScopeSeparator. */
  ScopedTo: string;
  ScopeSeparator: string;
  /** A band's heading. `{0}`: the band; `{1}`: how many items it holds. */
  BandCount: string;
  /** After an item's heading on its card. `{0}`: its report's title. */
  FromReport: string;
  /** A channel tab's channel. `{0}`: the team; `{1}`: the channel. */
  ChannelInTeam: string;
  /** A button's or link's accessible name on an item's card. `{0}`: what it does; `{1}`: the item's reference. */
  ActionOn: string;
  /** `{0}`: TeamsJS's reason, as it gives it. */
  TeamsContextFailed: string;
  CannotEdit: string;
  BandSignOff: string;
  DecideClosure: string;
  /** `{0}`: who asked; `{1}`: the date; `{2}`: their evidence. */
  ClosureAskedBy: string;
  /** `{0}`: the item's reference. */
  ClosureDecided: string;
  /** Shown instead of "Open in the tracker" links when the stored tracker page address is refused; `{0}`: why. */
  TrackerPageRefused: string;
  LoadingPart: string;
  PartFailed: string;
}

declare module 'MyActionsWebPartStrings' {
  const strings: IMyActionsWebPartStrings;
  export = strings;
}
