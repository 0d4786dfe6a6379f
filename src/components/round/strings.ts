/** The round page's words, from each web part's `loc` (`UpdateRound`). `{0}`… are filled in order. */
export interface RoundStrings {
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
  Summary: string;
  Counts: string;
  OwnersCaption: string;
  ItemsCaption: string;
  Owner: string;
  Items: string;
  Answered: string;
  NotAnswered: string;
  MoreTime: string;
  Item: string;
  Answer: string;
  NoOwner: string;
  NotYet: string;
  AnsweredBy: string;
  MoreTimeAsked: string;
  CloseButton: string;
  CloseConfirm: string;
  CloseConfirmButton: string;
  Cancel: string;
  IssueButton: string;
  Closed: string;
  PaperLink: string;
  Conflict: string;
  Tab: string;
  MyWorkTab: string;
}

/** Fills `{0}`, `{1}`… in a string from loc. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d)\}/g, (m, i: string) => (values[Number(i)] === undefined ? m : String(values[Number(i)])));
}
