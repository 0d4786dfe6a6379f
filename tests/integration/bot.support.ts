/** Card actions sent to the reminder service's bot as Teams sends them: shared by the card tests. */
import { cardInvoke } from '../../src/standin/graph';

/**
 * Posts an `adaptiveCard/action` invoke from `alias` to the bot at `serviceUrl`, its Bot Connector
 * being the stand-in at `standinUrl`; returns the HTTP status and the invoke response.
 */
export async function invokeCardAction(serviceUrl: string, standinUrl: string, alias: string, verb: string, actionData: Record<string, unknown>, activityId: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serviceUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(cardInvoke(standinUrl, alias, { verb, data: actionData }, { id: activityId }))
  });
  return { status: res.status, body: await res.json() };
}
