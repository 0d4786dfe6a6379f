/**
 * `npm start`: the local workbench. Starts the SharePoint stand-in with its database in `.data/`
 * (loading the demo data on the first run; later runs upgrade the schema and add nothing), bundles
 * the web parts and serves the page hosting them, with the reminder service beside the stand-in
 * (its cards on the inbox page). On a fresh database the service sweeps at once, so the inboxes
 * already hold the cards the default rules produce (quiet hours still defer them). PORT (default
 * 4321), STANDIN_PORT (default 4320) and STANDIN_DB configure it.
 */
import { resolve } from 'node:path';
import { startWorkbench } from './server';

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not '${raw ?? ''}'.`);
  return port;
}

async function main(): Promise<void> {
  const dbPath = resolve(process.env.STANDIN_DB ?? '.data/standin.sqlite');
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const workbench = await startWorkbench({ port: portFrom('PORT', 4321), standinPort: portFrom('STANDIN_PORT', 4320), dbPath, seed: true, demoRound: true, reminders: true, catchUpSweep: true, log });
  log(
    [
      '',
      `Local workbench: ${workbench.url}`,
      `  pages: ${['tracker', 'dashboard', 'intranet', 'teams', 'inbox'].map((p) => `${workbench.url}?page=${p}`).join('  ')}`,
      `SharePoint stand-in: ${workbench.standin.siteUrl} (database ${dbPath})`,
      `Reminder service: ${workbench.reminders?.url ?? 'not running'}; each person's Teams notifications: ${workbench.url}?page=inbox`,
      'Switch user and theme at the top of the page; "Edit web part" opens the property pane. Ctrl+C stops.',
      ''
    ].join('\n')
  );
  const stop = (): void => {
    workbench.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`The workbench could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
