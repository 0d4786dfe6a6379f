/**
 * `npm run provision -- --site <url> [--user <alias>]` provisions the local stand-in;
 * `npm run provision -- --site <url> --tenant <tenant id> --client-id <app id> --certificate <key.pem> --thumbprint <sha1>`
 * provisions a real SharePoint Online site with app-only auth (see docs/deploy-tenant.md).
 * Safe to run again: a second run changes nothing; a newer schema upgrades the site.
 */
import { parseArgs } from 'node:util';
import { TRACKER_SCHEMA } from '../schema';
import { DataError, provision } from '../data';
import { nodeSp } from '../data/node';
import { siteAuthFromArgs, SiteAuthUsageError, SITE_AUTH_OPTIONS } from './sp';

const USAGE = `Usage:
  npm run provision -- --site <site url> [--user <stand-in user>]
  npm run provision -- --site <site url> --tenant <tenant id> --client-id <app id> --certificate <private key .pem> --thumbprint <certificate sha1>`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      ...SITE_AUTH_OPTIONS,
      help: { type: 'boolean' }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.site) throw new Error(`--site is required.\n${USAGE}`);
  let auth;
  try {
    auth = siteAuthFromArgs(values);
  } catch (e) {
    throw e instanceof SiteAuthUsageError ? new Error(`${e.message}\n${USAGE}`) : e;
  }
  const sp = nodeSp(values.site, auth);
  const report = await provision(sp, TRACKER_SCHEMA, (line) => process.stdout.write(`  ${line}\n`));
  const from = report.fromVersion === null ? 'a new site' : `schema version ${report.fromVersion}`;
  process.stdout.write(
    `Provisioned ${values.site}: ${from} → schema version ${report.toVersion}. ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.\n`
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Provisioning failed: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
);
