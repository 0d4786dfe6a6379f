/**
 * A small Microsoft Graph (and Teams Workflows) HTTP client for the reminder service: bearer token,
 * JSON in and out, and retries on throttling the way Graph asks for them — 429, 503 and 504 wait
 * for `Retry-After` (else an exponential back-off), a network failure is retried too.
 */

/** A Graph, Workflows or Bot Connector call that failed, with the service's error code when it sent one. */
export class GraphError extends Error {
  public constructor(public readonly status: number, public readonly code: string, message: string, public readonly url: string) {
    super(message);
    this.name = 'GraphError';
  }

  /** True when retrying later may succeed (throttling, server trouble, no connection). */
  public get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface GraphClientOptions {
  /** `https://graph.microsoft.com`, or the stand-in's URL. */
  baseUrl: string;
  /** An access token for Graph (client credentials in a tenant; anything for the stand-in). */
  token: () => Promise<string>;
  /** Attempts per call, the first included (default 5). */
  maxAttempts?: number;
  /** Longest wait honoured from Retry-After, in seconds (default 60). */
  maxRetryAfterSeconds?: number;
  /** Waits; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
}

const RETRIED = new Set([429, 503, 504]);

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class GraphClient {
  private readonly maxAttempts: number;
  private readonly maxRetryAfter: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Retries made so far, for the service's statistics. */
  public retries = 0;

  public constructor(private readonly options: GraphClientOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Calls `path` under `/v1.0` of the Graph base URL. */
  public graph<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, `${this.options.baseUrl.replace(/\/$/, '')}/v1.0${path}`, body, {}, true);
  }

  /** Posts to an absolute URL (a Teams Workflows trigger), without the Graph token. */
  public post<T>(url: string, body: unknown, headers: Record<string, string>): Promise<T> {
    return this.call<T>('POST', url, body, headers, false);
  }

  private async call<T>(method: string, url: string, body: unknown, headers: Record<string, string>, withToken: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        const auth: Record<string, string> = withToken ? { Authorization: `Bearer ${await this.options.token()}` } : {};
        response = await fetch(url, {
          method,
          headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...auth, ...headers },
          body: body === undefined ? undefined : JSON.stringify(body)
        });
      } catch (e) {
        if (attempt >= this.maxAttempts) throw new GraphError(0, 'network', `Could not reach ${new URL(url).host}: ${(e as Error).message}`, url);
        await this.backOff(attempt, null);
        continue;
      }
      const text = await response.text();
      if (response.ok) return (text.trim() === '' ? {} : JSON.parse(text)) as T;
      if (RETRIED.has(response.status) && attempt < this.maxAttempts) {
        await this.backOff(attempt, response.headers.get('retry-after'));
        continue;
      }
      throw this.errorOf(response.status, text, url);
    }
  }

  private async backOff(attempt: number, retryAfter: string | null): Promise<void> {
    this.retries += 1;
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Math.min(Number(retryAfter), this.maxRetryAfter) : null;
    await this.sleep(seconds !== null ? seconds * 1000 : 250 * 2 ** (attempt - 1));
  }

  private errorOf(status: number, text: string, url: string): GraphError {
    try {
      const json = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (json.error) return new GraphError(status, json.error.code ?? String(status), json.error.message ?? text, url);
    } catch {
      // Not JSON: the text itself is the message.
    }
    return new GraphError(status, String(status), text.trim() || `HTTP ${status}`, url);
  }
}
