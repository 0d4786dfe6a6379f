/**
 * Fault injection for resilience tests, off by default: throttling (429 / 503 with Retry-After)
 * for a share of requests or exactly the next n, added latency, and dropped webhook deliveries.
 */
import { SpError } from './errors';
import { Responder, type ApiResponse } from './wire';

/** What `POST /_standin/faults` accepts. */
export interface FaultSettings {
  /** Share of requests to fail, 0..1. */
  rate: number;
  status: 429 | 503;
  /** Seconds, sent as `Retry-After`. */
  retryAfter: number;
  /** Added to every request before it is handled. */
  latencyMs: number;
  /** Drop webhook deliveries instead of sending them. */
  dropWebhooks: boolean;
  /** When set, fail exactly this many of the next requests (regardless of rate). */
  count?: number;
}

const DEFAULTS: FaultSettings = { rate: 0, status: 429, retryAfter: 1, latencyMs: 0, dropWebhooks: false };

function check(cond: boolean, message: string): void {
  if (!cond) {
    throw new Error(message);
  }
}

export class FaultInjector {
  settings: FaultSettings = { ...DEFAULTS };

  /** Validates and applies new settings (unspecified ones reset to their defaults). */
  configure(input: Partial<FaultSettings>): void {
    const next: FaultSettings = { ...DEFAULTS, ...input };
    check(typeof next.rate === 'number' && next.rate >= 0 && next.rate <= 1, 'rate must be a number from 0 to 1');
    check(next.status === 429 || next.status === 503, 'status must be 429 or 503');
    check(typeof next.retryAfter === 'number' && next.retryAfter >= 0, 'retryAfter must be a number of seconds >= 0');
    check(typeof next.latencyMs === 'number' && next.latencyMs >= 0, 'latencyMs must be a number >= 0');
    check(typeof next.dropWebhooks === 'boolean', 'dropWebhooks must be a boolean');
    check(next.count === undefined || (Number.isInteger(next.count) && next.count >= 0), 'count must be a whole number >= 0');
    this.settings = next;
  }

  clear(): void {
    this.settings = { ...DEFAULTS };
  }

  /** Waits the configured latency, then returns a throttling response if this request is to fail. */
  async apply(): Promise<ApiResponse | undefined> {
    const s = this.settings;
    if (s.latencyMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, s.latencyMs));
    }
    let fail = false;
    if (s.count !== undefined && s.count > 0) {
      s.count--;
      fail = true;
    } else if (s.count === undefined && s.rate > 0) {
      fail = Math.random() < s.rate;
    }
    if (!fail) {
      return undefined;
    }
    const message = s.status === 429 ? 'The request has been throttled. Please retry after the time given in the Retry-After header.' : 'Server Too Busy';
    const code = s.status === 429 ? '-2147024860, Microsoft.SharePoint.SPRequestThrottledException' : '-2147023436, Microsoft.SharePoint.SPServerTooBusyException';
    return new Responder('minimal', '').error(new SpError(s.status, code, message, { 'retry-after': String(s.retryAfter) }));
  }
}
