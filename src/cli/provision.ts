/**
 * `npm run provision -- --site <url> [--user <alias>]` provisions the local stand-in;
 * `npm run provision -- --site <url> --tenant <tenant id> --client-id <app id> --certificate <key.pem> --thumbprint <sha1>`
 * provisions a real SharePoint Online site with app-only auth (see docs/deploy-tenant.md).
 * Safe to run again: a second run changes nothing; a newer schema upgrades the site.
 */
import { parseArgs } from 'node:util';
import { TRACKER_SCHEMA } from '../schema';
import { DataError, provision } from '../data';
import { nodeSp, type NodeSpOptions } from './sp';

const USAGE = `Usage:
  npm run provision -- --site <site url> [--user <stand-in user>]
  npm run provision -- --site <site url> --tenant <tenant id> --client-id <app id> --certificate <private key .pem> --thumbprint <certificate sha1>`;

type Args = { user?: string; tenant?: string; 'client-id'?: string; certificate?: string; thumbprint?: string };

function options(values: Args): NodeSpOptions {
  const tenantKeys = ['tenant', 'client-id', 'certificate', 'thumbprint'] as const;
  const given = tenantKeys.filter((k) => values[k] !== undefined);
  if (given.length === 0) return values.user ? { user: values.user } : {};
  const missing = tenantKeys.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new Error(`For a tenant, also give ${missing.map((m) => `--${m}`).join(', ')}.\n${USAGE}`);
  if (values.user) throw new Error(`--user is for the local stand-in only; it cannot be combined with --tenant.\n${USAGE}`);
  return {
    tenant: { tenantId: values.tenant ?? '', clientId: values['client-id'] ?? '', certificatePath: values.certificate ?? '', thumbprint: values.thumbprint ?? '' }
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      user: { type: 'string' },
      tenant: { type: 'string' },
      'client-id': { type: 'string' },
      certificate: { type: 'string' },
      thumbprint: { type: 'string' },
      help: { type: 'boolean' }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.site) throw new Error(`--site is required.\n${USAGE}`);
  const sp = nodeSp(values.site, options(values));
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
