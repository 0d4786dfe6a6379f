/**
 * Answers on the Teams card (issue 13), against the stand-in: the time from the owner's card action
 * (an `adaptiveCard/action` invoke POSTed to the reminder service's `/api/messages`, as Teams sends
 * it) to the update stored and the refreshed card in the invoke's answer, against a floor of the same
 * write through the data layer (read the item, write it with its ETag, add the progress update). The
 * same for an approver approving a closure (floor: read, write). Printed as ratios: what the bot
 * adds is resolving the person (Graph, site users), the Reminder Log claim and its record, and the card.
 *
 * `npm run bench card-actions` runs this file alone.
 */
import { performance } from 'node:perf_hooks';
import type { OriginatingReport, Recommendation } from '../src/core/model';
import { REQUEST_VERBS } from '../src/core/reminders';
import { approveClosure, postProgress } from '../src/core/transitions';
import { createTrackerData, provision, type TrackerData } from '../src/data';
import { nodeSp } from '../src/data/node';
import { TRACKER_SCHEMA } from '../src/schema';
import { localServiceOptions } from '../src/service/main';
import { startReminderService } from '../src/service/service';
import { cardInvoke } from '../src/standin/graph';
import { emailFor } from '../src/standin/identity';
import { startStandin } from '../src/standin/server';

const RUNS = 30;
const OWNER = { name: 'Head of Crime', email: emailFor('owner') };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function recommendation(reportId: number, ref: string, overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    reportId,
    ref,
    kind: 'Recommendation',
    text: 'Forces should update their domestic abuse action plans and publish them.',
    appliesTo: 'Force',
    acceptedForAction: true,
    causeOfConcernIds: [],
    owner: OWNER,
    directorate: 'Strategic Development',
    lifecycle: 'Being progressed',
    confidence: 'Medium',
    due: { kind: 'date', original: '2027-04-30', current: '2027-04-30', revisions: [], raw: 'April 2027' },
    reopenings: [],
    lastUpdated: '2026-01-05',
    history: [],
    ...overrides
  };
}

function pendingClosure(reportId: number, ref: string): Recommendation {
  return recommendation(reportId, ref, { lifecycle: 'Complete, awaiting sign-off', closure: { requestedBy: 'Head of Crime', requestedAt: '2026-01-05T10:00:00Z', evidence: 'Published.', ownerAtRequest: OWNER } });
}

async function main(): Promise<void> {
  const standin = await startStandin({ port: 0 });
  const sp = nodeSp(standin.siteUrl, { user: 'admin' });
  await provision(sp, TRACKER_SCHEMA);
  const data: TrackerData = createTrackerData(sp);
  const report: OriginatingReport = { title: 'A progress report on the police response to domestic abuse', source: 'HMICFRS', reportType: 'National thematic', published: '2017-11-14', publishedText: 'Published November 2017', scope: 'All forces, this force not inspected', scopeText: 'A national report by HMICFRS', responseDeadline: '2018-01-09' };
  const reportId = (await data.reports.add(report)).id;
  const service = await startReminderService({
    ...localServiceOptions(standin, `${standin.siteUrl}/SitePages/Tracker.aspx`),
    clientState: 'bench',
    tickMs: null,
    subscribe: false,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined }
  });
  let sequence = 0;
  const invoke = async (alias: string, verb: string, actionData: Record<string, unknown>): Promise<string> => {
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(cardInvoke(standin.url, alias, { verb, data: actionData }, { id: `bench-${++sequence}` }))
    });
    const body = (await res.json()) as { value?: { body?: { text?: string }[]; refresh?: unknown } };
    if (res.status !== 200 || body.value?.refresh === undefined) throw new Error(`The bot did not answer with a refreshed card: ${JSON.stringify(body).slice(0, 300)}`);
    return body.value.body?.[0]?.text ?? '';
  };

  try {
    const update: number[] = [];
    const updateFloor: number[] = [];
    const decision: number[] = [];
    const decisionFloor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // The owner's update from the card, then the same write through the data layer.
      const onCard = await data.recommendations.add(recommendation(reportId, `U${i}`));
      let t = performance.now();
      const heading = await invoke('owner', 'postUpdate', { itemId: onCard.id, etag: onCard.etag, text: `Progress ${i}.`, lifecycle: 'Being progressed', confidence: 'High' });
      update.push(performance.now() - t);
      if (!heading.startsWith('Update recorded')) throw new Error(`Unexpected card: ${heading}`);
      const direct = await data.recommendations.add(recommendation(reportId, `F${i}`));
      t = performance.now();
      const found = await data.recommendations.get(direct.id);
      const { update: progress, next } = postProgress({ ...found.value, id: found.id }, { by: 'Head of Crime', at: new Date().toISOString(), text: `Progress ${i}.`, lifecycle: 'Being progressed', confidence: 'High' });
      await data.recommendations.update(found, next);
      await data.updates.add(progress);
      updateFloor.push(performance.now() - t);

      // The approver's sign-off from the card, then the same write through the data layer.
      const closure = await data.recommendations.add(pendingClosure(reportId, `C${i}`));
      t = performance.now();
      await invoke('manager', REQUEST_VERBS.approveClosure, { itemId: closure.id, etag: closure.etag, outcome: 'closed' });
      decision.push(performance.now() - t);
      const plain = await data.recommendations.add(pendingClosure(reportId, `D${i}`));
      t = performance.now();
      const current = await data.recommendations.get(plain.id);
      await data.recommendations.update(current, approveClosure(current.value, { by: 'Chief of Staff', at: new Date().toISOString(), outcome: 'closed' }));
      decisionFloor.push(performance.now() - t);
    }
    const line = (what: string, xs: number[], floor: number[]): void => {
      console.log(`${what}, ${xs.length} answers:`);
      console.log(`  median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}); floor (the same write through src/data) ${median(floor).toFixed(1)} ms; ratio ${(median(xs) / median(floor)).toFixed(2)}`);
    };
    line('Owner posts an update on the card: invoke to the update stored and the card refreshed', update, updateFloor);
    line('Approver approves a closure on the card: invoke to the decision stored and the card refreshed', decision, decisionFloor);
  } finally {
    await service.close();
    await standin.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
