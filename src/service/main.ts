/**
 * The reminder service's Node entry point. The workbench (`npm start`) imports
 * `startReminderService` and starts it beside the stand-in; run alone it reads its settings from
 * the environment:
 *
 * `TRACKER_SITE_URL` (required), `GRAPH_URL` (the stand-in's URL locally), `REMINDER_CLIENT_STATE`,
 * `REMINDER_SENDER_UPN`, `TEAMS_APP_ID`, `MY_ACTIONS_ENTITY_ID`, `TRACKER_PAGE_URL`, `REMINDER_PORT`,
 * `REMINDER_PUBLIC_URL`, `REMINDER_ADMIN_KEY` (the key `POST /api/sweep` and `GET /api/status` require in
 * their `x-functions-key` header; without it they refuse every call).
 *
 * `tsx src/service/main.ts`
 */
import { randomUUID } from 'crypto';
import { optionsFromEnvironment } from './functions';
import { startReminderService, type ReminderServiceOptions } from './service';

export { startReminderService } from './service';
export type { ReminderService, ReminderServiceOptions } from './service';
export { webhookHandler, sweepHandler, timerHandler, configureReminderFunctions } from './functions';

/** The tracker's Teams app (teams/manifest.json) and its My Actions tab. */
export const TEAMS_APP_ID = '3e8f1c52-6a4b-4c1e-9d7a-2b5f8e0c4d13';
export const MY_ACTIONS_ENTITY_ID = 'myactions';

/**
 * Options for running beside the local stand-in: SharePoint and Graph both at the stand-in, the
 * demo directory's admin as the sender and its Chief of Staff (`manager`) as the closure approver,
 * a fresh webhook secret and admin key, and the subscription removed on close (the next run has another port).
 * `trackerUrl` is the page "Open item" leads to.
 */
export function localServiceOptions(standin: { url: string; siteUrl: string }, trackerUrl: string): ReminderServiceOptions {
  const domain = 'contoso.onmicrosoft.com';
  return {
    siteUrl: standin.siteUrl,
    graphUrl: standin.url,
    senderUpn: `admin@${domain}`,
    clientState: randomUUID(),
    adminKey: randomUUID(),
    links: { teamsAppId: TEAMS_APP_ID, myActionsEntityId: MY_ACTIONS_ENTITY_ID, trackerUrl },
    approver: { name: 'Chief of Staff', email: `manager@${domain}` },
    unsubscribeOnClose: true
  };
}

async function main(): Promise<void> {
  const options = optionsFromEnvironment();
  const service = await startReminderService({ ...options, adminKey: process.env.REMINDER_ADMIN_KEY, port: Number(process.env.REMINDER_PORT ?? 0) });
  console.log(`Reminder service listening at ${service.url}; SharePoint notifies ${service.webhookUrl}.`);
  const stop = (): void => {
    void service.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
