import { Agent, request, type Dispatcher } from 'undici';
import type { ResolvedSource } from '../schemas/config.ts';
import { buildGuardedConnector, hostKey } from './ssrf.ts';

export type HttpResponse = Dispatcher.ResponseData;

/**
 * The one place that talks HTTP. Agents (keep-alive pools) are shared by every fetch of a
 * Fetcher; there is one per (guard on/off, connect timeout) because the SSRF check lives
 * in the connector and a pooled socket must never cross from an unguarded to a guarded fetch.
 */
export class HttpClient {
  private readonly agents = new Map<string, Agent>();

  private readonly trustedHosts: ReadonlySet<string>;

  constructor(trustedHosts: Iterable<string>) {
    this.trustedHosts = new Set([...trustedHosts].map((h) => h.toLowerCase()));
  }

  isTrusted(url: URL): boolean {
    return this.trustedHosts.has(hostKey(url.hostname, url.port, url.protocol));
  }

  private agentFor(source: ResolvedSource): Agent {
    const guard = !source.allowPrivateNetworks;
    const key = `${guard}:${source.fetch.connectTimeoutMs}`;
    let agent = this.agents.get(key);
    if (!agent) {
      agent = new Agent({
        connect: buildGuardedConnector({ connectTimeoutMs: source.fetch.connectTimeoutMs, guard, trustedHosts: this.trustedHosts }),
        headersTimeout: source.fetch.headersTimeoutMs,
        bodyTimeout: source.fetch.bodyTimeoutMs,
        keepAliveTimeout: 10_000,
      });
      this.agents.set(key, agent);
    }
    return agent;
  }

  /** One GET, no redirect following, no decompression: the caller handles both. */
  get(url: URL, headers: Record<string, string>, source: ResolvedSource, signal: AbortSignal): Promise<HttpResponse> {
    return request(url, {
      dispatcher: this.agentFor(source),
      method: 'GET',
      headers,
      signal,
      headersTimeout: source.fetch.headersTimeoutMs,
      bodyTimeout: source.fetch.bodyTimeoutMs,
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.agents.values()].map((a) => a.close()));
    this.agents.clear();
  }
}

export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  if (v === undefined) return null;
  return Array.isArray(v) ? (v[0] ?? null) : v;
}

/** Reads and drops an unwanted body in the background so the socket can be reused. */
export function discardBody(res: HttpResponse): void {
  res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
}

/** Drops a body we refuse to read: closes the connection without an unhandled 'error'. */
export function abandonBody(res: HttpResponse): void {
  res.body.on('error', () => undefined);
  res.body.destroy();
}
