/**
 * @module The network edge: one HTTP GET of a feed or an article page, within limits. It sends the
 * validators of the last answer (an unchanged feed costs a 304), follows up to five redirects
 * itself so that it can tell a permanent move from a temporary one, stops a body past the size
 * limit (counted after decompression) or a request past its time, and turns every failure into a
 * message that says what happened, never a throw.
 */
import { MAX_DOCUMENT_BYTES } from './read-inputs.js';

export interface HttpGetOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** The whole request, body included. */
  timeoutMs?: number;
  maxBytes?: number;
  accept?: string;
}

export type HttpGetResult =
  | {
      kind: 'ok';
      /** The address the content came from, after redirects. */
      url: string;
      /** Where the resource now lives when every redirect on the way was permanent (301, 308). */
      movedTo: string | null;
      contentType: string | null;
      bytes: Uint8Array;
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    }
  | { kind: 'not-modified'; url: string; movedTo: string | null; maxAgeSeconds: number | null }
  | { kind: 'failed'; message: string; status: number | null; retryAfterSeconds: number | null };

export const USER_AGENT = 'Storyline/0.1 (self-hosted news reader)';
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

/** Cache-Control's max-age in seconds (s-maxage is for shared caches); null when absent or `no-cache`/`no-store`. */
export function maxAgeOf(cacheControl: string | null): number | null {
  if (!cacheControl || /\bno-(?:cache|store)\b/i.test(cacheControl)) return null;
  const match = /(?:^|[\s,])max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) : null;
}

/** Retry-After, as seconds or an HTTP date, in seconds from `now`; null when absent or unreadable. */
export function retryAfterOf(value: string | null, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now.getTime()) / 1000));
}

const sizeText = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What a network error was, in words (fetch itself only says "fetch failed"). */
export function networkMessage(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = err?.cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed (no network?)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    CERT_HAS_EXPIRED: 'the certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    UND_ERR_HEADERS_TIMEOUT: `no answer within ${Math.round(timeoutMs / 1000)} s`,
    UND_ERR_BODY_TIMEOUT: `the body stopped coming within ${Math.round(timeoutMs / 1000)} s`,
  };
  if (code && known[code]) return known[code];
  if (err?.cause?.message === 'bad port' || err?.message === 'bad port') return 'a port that fetch refuses to use (bad port)';
  return err?.cause?.message ?? err?.message ?? String(error);
}

/** Reads a body up to `maxBytes`, or says it is larger. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get('content-encoding')) {
    await response.body?.cancel();
    return `the body is ${sizeText(declared)}, over the ${sizeText(maxBytes)} limit`;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array(0);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return `the body is over the ${sizeText(maxBytes)} limit`;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** One GET, redirects followed; never throws. */
export async function httpGet(url: string, options: HttpGetOptions = {}, now: () => Date = () => new Date()): Promise<HttpGetResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: options.accept ?? '*/*' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let current = url;
  let permanent = true;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      let address: URL;
      try {
        address = new URL(current);
      } catch {
        return { kind: 'failed', message: `not a web address: ${current}`, status: null, retryAfterSeconds: null };
      }
      if (address.protocol !== 'http:' && address.protocol !== 'https:') {
        return { kind: 'failed', message: `only http and https addresses are fetched, not ${address.protocol}`, status: null, retryAfterSeconds: null };
      }
      const response = await fetch(address, { headers, redirect: 'manual', signal });
      const movedTo = (): string | null => (permanent && current !== url ? current : null);
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        if (!location) return { kind: 'failed', message: `redirect (${response.status}) without a Location`, status: response.status, retryAfterSeconds: null };
        if (response.status !== 301 && response.status !== 308) permanent = false;
        current = new URL(location, address).href;
        continue;
      }
      const maxAgeSeconds = maxAgeOf(response.headers.get('cache-control'));
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'not-modified', url: current, movedTo: movedTo(), maxAgeSeconds };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const reason = response.statusText ? ` ${response.statusText}` : '';
        return { kind: 'failed', message: `HTTP ${response.status}${reason}`, status: response.status, retryAfterSeconds: retryAfterOf(response.headers.get('retry-after'), now()) };
      }
      const body = await readLimited(response, options.maxBytes ?? MAX_DOCUMENT_BYTES);
      if (typeof body === 'string') return { kind: 'failed', message: body, status: response.status, retryAfterSeconds: null };
      return {
        kind: 'ok',
        url: current,
        movedTo: movedTo(),
        contentType: response.headers.get('content-type'),
        bytes: body,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        maxAgeSeconds,
      };
    }
    return { kind: 'failed', message: `more than ${MAX_REDIRECTS} redirects`, status: null, retryAfterSeconds: null };
  } catch (error) {
    return { kind: 'failed', message: networkMessage(error, timeoutMs), status: null, retryAfterSeconds: null };
  }
}
