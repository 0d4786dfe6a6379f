/**
 * Builds the Teams app package that SharePoint's "Sync to Teams" and the Teams admin upload use:
 * `teams/TeamsSPFxApp.zip` holding `manifest.json` and the two icons, which `gulp package-solution`
 * then carries inside the `.sppkg`. Run by `npm run package` before packaging.
 *
 * `webApplicationInfo` names one Entra app. `teams/manifest.json` names SharePoint's own
 * (`00000003-0000-0ff1-ce00-000000000000`), as SharePoint Framework apps do for the tabs' sign-in.
 * The reminder service's activity-feed notifications are accepted only from the Entra app named
 * there, so a tenant deployment sets `TRACKER_ENTRA_APP_ID` to the service's app registration
 * (its Application (client) ID) when building the package, and the packaged manifest names it
 * instead (docs/deploy-tenant.md). The id differs per tenant, hence an environment variable.
 *
 * The same Entra app is the tracker's bot (the Azure Bot registration uses it): the packaged
 * manifest then gains `bots` with that id, in the personal scope, so that owners answer reminder
 * cards in their chat with the bot. It must be one app: Graph's
 * TeamsAppInstallation.ReadWriteSelfForUser.All lets an Entra app install only the Teams app that
 * names it, which is how the service installs the tracker for owners. Without the variable there is
 * no bot in the package (a bot id is a tenant's app registration; none is invented here).
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export const TEAMS_DIR = join(__dirname, '..', '..', 'teams');
export const TEAMS_APP_ZIP = join(TEAMS_DIR, 'TeamsSPFxApp.zip');

/** The parts of the manifest packaging reads or changes; the rest is carried as it is. */
export interface TeamsManifestJson {
  icons: { color: string; outline: string };
  webApplicationInfo?: { id: string; resource?: string };
  bots?: TeamsBot[];
  [key: string]: unknown;
}

/** The manifest's bot: the reminder service's Entra app, in a person's own chat. */
export interface TeamsBot {
  botId: string;
  scopes: 'personal'[];
  isNotificationOnly: boolean;
  supportsFiles: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The manifest as packaged: `teams/manifest.json`, with `webApplicationInfo` naming the Entra app
 * in `TRACKER_ENTRA_APP_ID` when that is set (it exposes no API of its own, so no `resource`), and
 * that app as the bot. The bot answers card actions (Action.Execute), so it is not notification-only.
 */
export function packagedManifest(env: NodeJS.ProcessEnv = process.env): TeamsManifestJson {
  const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as TeamsManifestJson;
  const appId = env.TRACKER_ENTRA_APP_ID?.trim();
  if (!appId) return manifest;
  if (!GUID.test(appId)) throw new Error(`TRACKER_ENTRA_APP_ID must be the Entra app's Application (client) ID, a GUID such as 0b7e5f2a-…; got '${appId}'.`);
  const id = appId.toLowerCase();
  return { ...manifest, webApplicationInfo: { id }, bots: [{ botId: id, scopes: ['personal'], isNotificationOnly: false, supportsFiles: false }] };
}

/** The Teams app zip, built from the packaged manifest and the icons it names. */
export async function buildTeamsAppZip(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const manifest = packagedManifest(env);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(join(TEAMS_DIR, icon)));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (require.main === module) {
  buildTeamsAppZip()
    .then((zip) => {
      writeFileSync(TEAMS_APP_ZIP, zip);
      const sender = process.env.TRACKER_ENTRA_APP_ID?.trim();
      const note = sender
        ? `activity notifications from, and the bot of, Entra app ${sender}`
        : 'no TRACKER_ENTRA_APP_ID, so the reminder service cannot send activity notifications through it and the package has no bot';
      process.stdout.write(`Wrote ${TEAMS_APP_ZIP} (${zip.length} bytes; ${note})\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Could not build the Teams app package: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
