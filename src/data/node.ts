/**
 * The one place Node code (CLIs, the reminder service, the workbench server, tests, benches) builds
 * its PnPjs instance: @pnp/nodejs's SPDefault (default headers, Node fetch with PnPjs's 429 / 503
 * retries, parsing), plus either the stand-in's dev-only user header or app-only MSAL auth for a
 * real tenant. Node-only: not exported from `./index` and kept out of the browser tsconfig and
 * bundles (the linter refuses it in browser folders).
 */
import { readFileSync } from 'node:fs';
import { spfi, type SPFI } from '@pnp/sp';
import { SPDefault } from '@pnp/nodejs';
import { InjectHeaders } from '@pnp/queryable';

/** An Entra ID app registration with a certificate, granted Sites.Selected or Sites.FullControl.All. */
export interface TenantAuth {
  readonly clientId: string;
  readonly tenantId: string;
  /** PEM file holding the certificate's private key. */
  readonly certificatePath: string;
  /** SHA-1 thumbprint of the certificate, as shown in the app registration. */
  readonly thumbprint: string;
}

/** Local stand-in: act as one of its users (admin, analyst, manager, owner, sro, reader). */
export interface StandinAuth {
  readonly user?: string;
}

export type NodeSpOptions = StandinAuth | { readonly tenant: TenantAuth };

/** The header the stand-in reads to pick the caller; never sent to a real tenant. */
export const STANDIN_USER_HEADER = 'X-Standin-User';

/** A PnPjs instance for `siteUrl` (e.g. `https://contoso.sharepoint.com/sites/tracker`). */
export function nodeSp(siteUrl: string, options: NodeSpOptions = {}): SPFI {
  if ('tenant' in options) {
    const { clientId, tenantId, certificatePath, thumbprint } = options.tenant;
    const origin = new URL(siteUrl).origin;
    return spfi(siteUrl).using(
      SPDefault({
        msal: {
          config: {
            auth: {
              clientId,
              authority: `https://login.microsoftonline.com/${tenantId}`,
              clientCertificate: { thumbprint, privateKey: readFileSync(certificatePath, 'utf8') }
            }
          },
          scopes: [`${origin}/.default`]
        }
      })
    );
  }
  const sp = spfi(siteUrl).using(SPDefault());
  return options.user ? sp.using(InjectHeaders({ [STANDIN_USER_HEADER]: options.user })) : sp;
}
