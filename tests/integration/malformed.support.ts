/**
 * Items SharePoint accepts but the tracker's model does not, added as a careless member or a script
 * would: a raw REST POST, no tracker code in between. Shared by the integration and browser tests.
 */
import { actionMapping } from '../../src/schema';

/** Adds an item to a list through SharePoint's REST API as a stand-in user; returns its id. */
export async function postItem(siteUrl: string, listTitle: string, body: Record<string, unknown>, alias = 'analyst'): Promise<number> {
  const res = await fetch(`${siteUrl}/_api/web/lists/getByTitle('${listTitle}')/items`, {
    method: 'POST',
    headers: { accept: 'application/json;odata=nometadata', 'content-type': 'application/json', 'x-standin-user': alias },
    body: JSON.stringify(body)
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`SharePoint refused the item for '${listTitle}': ${res.status} ${text}`);
  return (JSON.parse(text) as { Id: number }).Id;
}

/** A recommendation with only a Title: every other required column left empty. */
export const TITLE_ONLY_RECOMMENDATION = { Title: 'Added by hand' };

/** A report with everything but its Source. */
export const REPORT_WITHOUT_SOURCE = { Title: 'Custody inspection (no source yet)', TrkReportType: 'Force inspection', TrkScope: 'Force inspected' };

/** An action complete in every column, but whose revisions column holds broken JSON. */
export function actionWithBrokenJson(recommendationId: number): Record<string, unknown> {
  const payload = actionMapping.toItem({
    recommendationId,
    ref: '1.1',
    text: 'Review the custody records',
    lifecycle: 'Being progressed',
    due: { kind: 'date', original: '2017-12-31', current: '2017-12-31', revisions: [], raw: 'December 2017' }
  });
  return { ...payload, TrkDueRevisions: '[{"at": "2017-11-01", ' };
}
