import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildTeamsAppZip, packagedManifest, TEAMS_DIR } from '../../src/cli/teams-package';
import { activityNotification, ACTIVITY_TYPES } from '../../src/service/delivery';

interface TeamsManifest {
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  staticTabs: { contentUrl: string; scopes: string[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[] }[];
  activities: { activityTypes: { type: string; templateText: string }[] };
  webApplicationInfo?: { id: string; resource?: string };
}

/** The service's app registration in some tenant. */
const SENDER_APP_ID = '0b7e5f2a-91c4-4d8e-a3f6-5c2d1e9b7a40';

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
    const zip = await JSZip.loadAsync(await buildTeamsAppZip({}));
    expect(Object.keys(zip.files).sort()).toEqual([manifest.icons.color, 'manifest.json', manifest.icons.outline].sort());
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual(manifest);
  });

  it('declares the activity types the reminder service sends, with the template parameters it fills', () => {
    const item = { title: '9 is overdue', message: 'm', ref: '9', report: 'r', due: '', lifecycle: 'Being progressed', trafficLight: 'RED', text: 't', updateUrl: 'https://teams.microsoft.com/l/entity/a/b', openUrl: 'https://o' };
    const recipient = { kind: 'user' as const, address: 'owner@contoso.onmicrosoft.com', name: 'Owner' };
    const links = { teamsAppId: manifest.id, myActionsEntityId: 'myactions', trackerUrl: 'https://contoso.sharepoint.com/sites/tracker' };
    const declared = new Map(manifest.activities.activityTypes.map((a) => [a.type, a.templateText]));
    expect([...declared.keys()].sort()).toEqual(Object.values(ACTIVITY_TYPES).sort());
    for (const items of [[item], [item, { ...item, title: '10 is overdue' }]]) {
      const sent = activityNotification({ deliveryId: 'd', recipient, items }, links);
      const template = declared.get(sent.activityType) ?? '';
      const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((p) => p !== 'actor');
      expect(sent.templateParameters.map((p) => p.name).sort()).toEqual(placeholders.sort());
    }
  });

  it("keeps SharePoint's sign-in app in webApplicationInfo when no sending app is given", () => {
    expect(packagedManifest({}).webApplicationInfo).toEqual({ resource: 'https://{teamSiteDomain}', id: '00000003-0000-0ff1-ce00-000000000000' });
  });

  it('has no bot without the Entra app that is the bot', () => {
    expect(packagedManifest({}).bots).toBeUndefined();
  });

  it('names the Entra app from TRACKER_ENTRA_APP_ID in the packaged manifest, and as its personal bot, which still validates', async () => {
    const env = { TRACKER_ENTRA_APP_ID: ` ${SENDER_APP_ID.toUpperCase()} ` };
    const filled = packagedManifest(env);
    expect(filled.webApplicationInfo).toEqual({ id: SENDER_APP_ID });
    expect(filled.bots).toEqual([{ botId: SENDER_APP_ID, scopes: ['personal'], isNotificationOnly: false, supportsFiles: false }]);
    const validate = schemaValidator();
    expect(validate(filled)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    const zip = await JSZip.loadAsync(await buildTeamsAppZip(env));
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toEqual({ ...manifest, webApplicationInfo: { id: SENDER_APP_ID }, bots: filled.bots });
  });

  it('refuses a bot the schema forbids (two bots, a bot id that is not a GUID), so the check above can fail', () => {
    const filled = packagedManifest({ TRACKER_ENTRA_APP_ID: SENDER_APP_ID });
    const validate = schemaValidator();
    expect(validate({ ...filled, bots: [...(filled.bots ?? []), ...(filled.bots ?? [])] })).toBe(false);
    expect(validate({ ...filled, bots: [{ ...filled.bots?.[0], botId: 'tracker-bot' }] })).toBe(false);
  });

  it('refuses a TRACKER_ENTRA_APP_ID that is not an app id', () => {
    expect(() => packagedManifest({ TRACKER_ENTRA_APP_ID: 'Inspection Tracker reminders' })).toThrow(/TRACKER_ENTRA_APP_ID must be the Entra app's Application \(client\) ID/);
  });
});
