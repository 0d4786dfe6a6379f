/** Card actions sent to the reminder service's bot as Teams sends them: shared by the card tests. */
import { emailFor } from '../../src/standin/identity';

/**
 * Posts an `adaptiveCard/action` invoke from `alias` to the bot at `serviceUrl`, its Bot Connector
 * being the stand-in at `standinUrl`; returns the HTTP status and the invoke response.
 */
export async function invokeCardAction(serviceUrl: string, standinUrl: string, alias: string, verb: string, actionData: Record<string, unknown>, activityId: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serviceUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: activityId,
      channelId: 'msteams',
      serviceUrl: `${standinUrl}/_standin/botconnector/`,
      from: { id: `29:${alias}`, name: alias, aadObjectId: emailFor(alias) },
      recipient: { id: '28:tracker-bot', name: 'Inspection Tracker' },
      conversation: { id: `a:${alias}` },
      value: { action: { type: 'Action.Execute', verb, data: actionData }, trigger: 'manual' }
    })
  });
  return { status: res.status, body: await res.json() };
}
