/**
 * Who a CLI acts as: the command-line options for the local stand-in's user or a real tenant's
 * app-only registration, parsed into the options of `nodeSp` (src/data/node.ts).
 */
import { readFileSync } from 'node:fs';
import type { NodeSpOptions } from '../data/node';

/** The command-line options that say who a CLI acts as, for `parseArgs`. */
export const SITE_AUTH_OPTIONS = {
  user: { type: 'string' },
  tenant: { type: 'string' },
  'client-id': { type: 'string' },
  certificate: { type: 'string' },
  thumbprint: { type: 'string' }
} as const;

/** Their lines in a CLI's usage text. */
export const SITE_AUTH_USAGE = `  --user         the stand-in account to act as (local stand-in only)
  --tenant, --client-id, --certificate, --thumbprint
                 for a real tenant: the Entra ID app registration and its certificate (app-only; docs/deploy-tenant.md)`;

/** The parsed values of {@link SITE_AUTH_OPTIONS}. */
export interface SiteAuthArgs {
  user?: string;
  tenant?: string;
  'client-id'?: string;
  certificate?: string;
  thumbprint?: string;
}

/** The options were combined wrongly (a CLI prints its usage after the message). */
export class SiteAuthUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteAuthUsageError';
  }
}

/** The certificate option names a readable PEM file holding a private key, or one line says what is wrong. */
function checkPrivateKey(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`--certificate ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  if (!/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(text)) {
    throw new Error(`--certificate ${path}: holds no PEM private key ("-----BEGIN PRIVATE KEY-----"); give the key of the certificate uploaded to the app registration.`);
  }
}

/** How to reach the site from the command line: a stand-in user, or all four tenant options. */
export function siteAuthFromArgs(values: SiteAuthArgs): NodeSpOptions {
  const tenantKeys = ['tenant', 'client-id', 'certificate', 'thumbprint'] as const;
  const given = tenantKeys.filter((k) => values[k] !== undefined);
  if (given.length === 0) return values.user ? { user: values.user } : {};
  const missing = tenantKeys.filter((k) => values[k] === undefined);
  if (missing.length > 0) throw new SiteAuthUsageError(`For a tenant, also give ${missing.map((m) => `--${m}`).join(', ')}.`);
  if (values.user) throw new SiteAuthUsageError('--user is for the local stand-in only; it cannot be combined with --tenant.');
  checkPrivateKey(values.certificate ?? '');
  if (!/^[0-9a-f]{40}$/i.test(values.thumbprint ?? '')) throw new Error(`--thumbprint: '${values.thumbprint ?? ''}' is not a certificate's SHA-1 thumbprint (40 hexadecimal digits).`);
  return {
    tenant: { tenantId: values.tenant ?? '', clientId: values['client-id'] ?? '', certificatePath: values.certificate ?? '', thumbprint: values.thumbprint ?? '' }
  };
}
