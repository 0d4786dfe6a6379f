/**
 * The reminder service as the local workbench runs it: beside the workbench's stand-in (SharePoint
 * and Graph), with "Open item" leading to the workbench's own tracker page, so that changing an
 * item in the browser produces the Teams card the inbox page shows.
 */
import { localServiceOptions, startReminderService } from '../service/main';
import type { ReminderService } from '../service/main';

/** Housekeeping interval of a workbench on a fixed clock (tests): "send again" is taken up this soon. */
const FIXED_CLOCK_TICK_MS = 2000;

/** The workbench's tracker page; the cards add `&item=<id>`. */
export function workbenchTrackerUrl(workbenchUrl: string): string {
  const url = new URL(workbenchUrl);
  url.search = '?page=tracker';
  return url.toString();
}

/**
 * Starts the reminder service against the stand-in at `standin` for the workbench at
 * `workbenchUrl`. With `now` (an ISO instant) its clock stands still there, as the page's does, so
 * quiet hours and due dates are those of the fixed day; otherwise it runs on the real clock. With
 * `catchUpSweep` a site never swept is swept at once (`npm start` on a fresh database).
 */
export async function startWorkbenchReminders(
  standin: { url: string; siteUrl: string },
  workbenchUrl: string,
  opts: { now?: string; catchUpSweep?: boolean; log: (line: string) => void }
): Promise<ReminderService> {
  let clock: (() => Date) | undefined;
  if (opts.now !== undefined) {
    const fixed = new Date(opts.now);
    if (Number.isNaN(fixed.getTime())) throw new Error(`The workbench's clock '${opts.now}' is not an ISO instant.`);
    clock = () => fixed;
  }
  const say = (level: string) => (message: string): void => opts.log(`[reminders${level}] ${message}`);
  const service = await startReminderService({
    ...localServiceOptions(standin, workbenchTrackerUrl(workbenchUrl)),
    // People's cards come from the bot, through the stand-in's Bot Connector (installed for them on the way).
    bot: { serviceUrl: `${standin.url}/_standin/botconnector/` },
    clock,
    catchUpSweep: opts.catchUpSweep === true,
    // A fixed clock never reaches another day: its housekeeping timer only delivers (the run
    // history's "send again" requests, every few seconds), never sweeps the whole site, whose cards
    // would land among a test's own, nor polls for changes, which arrive through the webhook.
    ...(clock === undefined ? {} : { housekeeping: 'deliveries' as const, tickMs: FIXED_CLOCK_TICK_MS }),
    logger: { info: say(''), warn: say(' warning'), error: say(' error') }
  });
  // The stand-in's Azure Bot registration: Teams sends the bot its activities here.
  await registerBot(standin.url, `${service.url}/api/messages`);
  return service;
}

/** Tells the stand-in's Teams where the bot's messaging endpoint is (null: nowhere), as the Azure Bot registration does. */
export async function registerBot(standinUrl: string, messagingEndpoint: string | null): Promise<void> {
  const res = await fetch(`${standinUrl}/_standin/bot/registration`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messagingEndpoint }) });
  if (!res.ok) throw new Error(`The stand-in refused the bot's registration: HTTP ${res.status}.`);
}
