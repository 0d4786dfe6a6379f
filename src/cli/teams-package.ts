/**
 * Builds the Teams app package that SharePoint's "Sync to Teams" and the Teams admin upload use:
 * `teams/TeamsSPFxApp.zip` holding `manifest.json` and the two icons, which `gulp package-solution`
 * then carries inside the `.sppkg`. Run by `npm run package` before packaging.
 */
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export const TEAMS_DIR = join(__dirname, '..', '..', 'teams');
export const TEAMS_APP_ZIP = join(TEAMS_DIR, 'TeamsSPFxApp.zip');

interface IconRefs {
  icons: { color: string; outline: string };
}

/** The Teams app zip, built from `teams/manifest.json` and the icons it names. */
export async function buildTeamsAppZip(): Promise<Buffer> {
  const manifestText = readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as IconRefs;
  const zip = new JSZip();
  zip.file('manifest.json', manifestText);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(join(TEAMS_DIR, icon)));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

if (require.main === module) {
  buildTeamsAppZip()
    .then((zip) => {
      writeFileSync(TEAMS_APP_ZIP, zip);
      process.stdout.write(`Wrote ${TEAMS_APP_ZIP} (${zip.length} bytes)\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`Could not build the Teams app package: ${String(error)}\n`);
      process.exit(1);
    });
}
