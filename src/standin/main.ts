/**
 * `npm run standin`: runs the local Microsoft 365 stand-in on its own.
 * PORT (default 4320) and STANDIN_DB (default `.data/standin.sqlite`) configure it.
 */
import { resolve } from 'node:path';
import { DIRECTORY } from './identity';
import { startStandin } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4320);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not '${process.env.PORT ?? ''}'.`);
  }
  const dbPath = resolve(process.env.STANDIN_DB ?? '.data/standin.sqlite');
  const standin = await startStandin({ port, dbPath, host: process.env.HOST ?? '127.0.0.1' });
  process.stdout.write(
    [
      `SharePoint stand-in listening: ${standin.siteUrl}`,
      `Database: ${dbPath}`,
      `Users (X-Standin-User header or standin-user cookie): ${DIRECTORY.map((u) => u.alias).join(', ')}`,
      `Admin: GET ${standin.url}/_standin/health, POST|DELETE ${standin.url}/_standin/faults`,
      ''
    ].join('\n')
  );
  const stop = (): void => {
    void standin.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
