/**
 * The default reminder rules, shipped into the Reminder Rules list on set-up. Admins may change
 * or disable them there; the keys must not be reused for different rules.
 */
import type { Lifecycle } from '../model';
import type { DeliveryWindow, ReminderCondition, ReminderRule } from './model';

/** Lifecycles in which the owner still has work to do. */
export const OPEN_LIFECYCLES: Lifecycle[] = ['Awaiting review', 'Being progressed'];

/** The colours of an item the force still owes (not GREEN, not WHITE). */
const OWED: ReminderCondition = { kind: 'trafficLight', in: ['AMBER', 'RED'] };

/** Office hours on working days in London. */
export const OFFICE_HOURS: DeliveryWindow = { workingDaysOnly: true, quietHours: { start: '18:00', end: '08:00' } };

/** Asks the approver, once, to decide a closure or extension request when it is made. */
function requestedOfApprover(field: 'closure' | 'extension', name: string, template: ReminderRule['template']): ReminderRule {
  return {
    key: `${field}-requested-approver`,
    name,
    enabled: true,
    trigger: { kind: 'fieldChanged', field, to: 'requested' },
    conditions: [],
    recipients: [{ kind: 'approver' }],
    template,
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  };
}

export const DEFAULT_RULES: readonly ReminderRule[] = [
  {
    key: 'due-in-14-days',
    name: 'Due in 14 days: remind the owner',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'lifecycle', in: OPEN_LIFECYCLES }, OWED, { kind: 'dueWithin', days: 14 }],
    recipients: [{ kind: 'owner' }],
    template: {
      title: "${ref} is due on ${due}",
      message: "${ref} (${report}) is due in ${daysToDue} ${if(daysToDue == 1, 'day', 'days')}, on ${due}. Please post an update on progress."
    },
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  },
  {
    key: 'overdue-owner-weekly',
    name: 'Overdue: chase the owner every week',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'lifecycle', in: OPEN_LIFECYCLES }, OWED, { kind: 'overdueBy', days: 1 }],
    recipients: [{ kind: 'owner' }],
    template: {
      title: '${ref} is overdue',
      message: "${ref} (${report}) was due on ${due} and is ${daysOverdue} ${if(daysOverdue == 1, 'day', 'days')} overdue. Please post an update or ask for a new timescale."
    },
    repeat: { kind: 'every', days: 7 },
    window: OFFICE_HOURS
  },
  {
    key: 'overdue-sro-after-7-days',
    name: 'Overdue by 7 days: tell the SRO, then every week',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'lifecycle', in: OPEN_LIFECYCLES }, OWED, { kind: 'overdueBy', days: 7 }],
    recipients: [{ kind: 'sro' }],
    template: {
      title: '${ref} is ${daysOverdue} days overdue',
      message: '${ref} (${report}), owned by ${owner}, was due on ${due} and is ${daysOverdue} days overdue.'
    },
    repeat: { kind: 'every', days: 7 },
    window: OFFICE_HOURS
  },
  {
    key: 'no-update-30-days',
    name: 'No update for 30 days: remind the owner',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'lifecycle', in: OPEN_LIFECYCLES }, OWED, { kind: 'noUpdateFor', days: 30 }],
    recipients: [{ kind: 'owner' }],
    template: {
      title: '${ref} needs an update',
      message: '${ref} (${report}) has had no progress update for ${daysSinceUpdate} days (last updated: ${lastUpdated}). Please post an update.'
    },
    repeat: { kind: 'every', days: 14 },
    window: OFFICE_HOURS
  },
  {
    key: 'turned-red-sro',
    name: 'Turned RED: tell the SRO',
    enabled: true,
    trigger: { kind: 'fieldChanged', field: 'trafficLight', to: 'RED' },
    conditions: [],
    recipients: [{ kind: 'sro' }],
    template: {
      title: '${ref} has turned RED',
      message: '${ref} (${report}), owned by ${owner}, is now RED. Due date: ${due}.'
    },
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  },
  requestedOfApprover('closure', 'Closure requested: ask the approver to sign off', {
    title: 'Sign-off requested for ${ref}',
    message: '${owner} asks for ${ref} (${report}) to be closed. Please review the evidence and approve or return it.'
  }),
  requestedOfApprover('extension', 'Extension requested: ask the approver to decide', {
    title: 'Extension requested for ${ref}',
    message: '${owner} asks for more time on ${ref} (${report}). Please approve or refuse the new due date.'
  }),
  {
    key: 'newly-assigned-owner',
    name: 'Newly assigned: tell the new owner',
    enabled: true,
    trigger: { kind: 'fieldChanged', field: 'owner', to: '*' },
    conditions: [],
    recipients: [{ kind: 'owner' }],
    template: {
      title: 'You now own ${ref}',
      message: "${ref} (${report}) has been assigned to you. Due: ${if(due == '', 'no date set', due)}."
    },
    repeat: { kind: 'once' },
    window: OFFICE_HOURS
  },
  {
    // WHITE for a force's own item (waiting on another organisation) is a flag, not a closing
    // state: the owner still owes the committee word on where the dependency stands.
    key: 'dependency-check-30-days',
    name: 'Waiting on another organisation: ask the owner to check on it',
    enabled: true,
    trigger: { kind: 'schedule' },
    conditions: [{ kind: 'lifecycle', in: OPEN_LIFECYCLES }, { kind: 'appliesTo', in: ['Force'] }, { kind: 'trafficLight', in: ['WHITE'] }, { kind: 'noUpdateFor', days: 30 }],
    recipients: [{ kind: 'owner' }],
    template: {
      title: 'Check on ${ref}: it waits on another organisation',
      message: '${ref} (${report}) is WHITE: it waits on another organisation. It has had no update for ${daysSinceUpdate} days (last updated: ${lastUpdated}). Please check where that stands and post an update.'
    },
    repeat: { kind: 'every', days: 30 },
    window: OFFICE_HOURS
  }
];
