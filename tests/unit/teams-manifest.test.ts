import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTeamsAppZip, TEAMS_DIR } from '../../src/cli/teams-package';

interface TeamsManifest {
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  staticTabs: { contentUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
}

const manifest = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: Buffer): { width: number; height: number } {
  expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** A validator for the schema of the manifest's own version, as shipped offline by @microsoft/app-manifest. */
function schemaValidator(): ReturnType<Ajv['compile']> {
  const schemaPath = join(
    __dirname, '..', '..', 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams',
    `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json'
  );
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}

describe('Teams app manifest', () => {
  it("validates against Microsoft's published schema for its manifest version", () => {
    const validate = schemaValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a manifest the schema forbids, so the check above can fail', () => {
    const validate = schemaValidator();
    expect(validate({ ...manifest, accentColor: 'navy', id: 'not-a-guid' })).toBe(false);
  });

  it('names its icons the SPFx way with the sizes Teams requires', () => {
    expect(manifest.icons.color).toBe(`${manifest.id}_color.png`);
    expect(manifest.icons.outline).toBe(`${manifest.id}_outline.png`);
    expect(pngSize(readFileSync(join(TEAMS_DIR, manifest.icons.color)))).toEqual({ width: 192, height: 192 });
    expect(pngSize(readFileSync(join(TEAMS_DIR, manifest.icons.outline)))).toEqual({ width: 32, height: 32 });
  });

  it('hosts the My Actions web part as a personal app and a configurable channel tab', () => {
    expect(manifest.staticTabs[0].scopes).toEqual(['personal']);
    expect(manifest.staticTabs[0].contentUrl).toContain(`componentId=${manifest.id}`);
    expect(manifest.configurableTabs[0].scopes).toEqual(['team']);
    expect(manifest.configurableTabs[0].configurationUrl).toContain('openPropertyPane=true');
  });

  it('packages the manifest and both icons into the Teams app zip', async () => {
    const zip = await JSZip.loadAsync(await buildTeamsAppZip());
    expect(Object.keys(zip.files).sort()).toEqual([manifest.icons.color, 'manifest.json', manifest.icons.outline].sort());
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(manifest);
  });
});
