/**
 * The reminder service's Node entry point. The workbench (`npm start`) imports
 * `startReminderService` and starts it beside the stand-in; run alone it reads its settings from
 * the environment:
 *
 * `TRACKER_SITE_URL` (required), `GRAPH_URL` (the stand-in's URL locally), `REMINDER_CLIENT_STATE`,
 * `REMINDER_SENDER_UPN`, `TEAMS_APP_ID`, `MY_ACTIONS_ENTITY_ID`, `TRACKER_PAGE_URL`, `REMINDER_PORT`,
 * `REMINDER_PUBLIC_URL`.
 *
 * `tsx src/service/main.ts`
 */
import { optionsFromEnvironment } from './functions';
import { startReminderService } from './service';

export { startReminderService } from './service';
export type { ReminderService, ReminderServiceOptions } from './service';
export { webhookHandler, sweepHandler, timerHandler, configureReminderFunctions } from './functions';

async function main(): Promise<void> {
  const options = optionsFromEnvironment();
  const service = await startReminderService({ ...options, port: Number(process.env.REMINDER_PORT ?? 0) });
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
