import http from 'node:http';
import https from 'node:https';
import { UsageError } from '../errors.js';

export type HeaderLines = readonly (readonly [string, string])[];

export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: HeaderLines;
  readonly status: number;
  /** As received: one entry per header line, so a repeated header stays visible. */
  readonly responseHeaders: HeaderLines;
}

/** Network failures worded for a person, with the address that failed. */
function networkError(url: URL, error: NodeJS.ErrnoException): UsageError {
  const where = `${url.protocol}//${url.host}`;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(`cannot resolve the host of ${where} (${error.code})`);
    case 'ECONNREFUSED':
      return new UsageError(`connection refused by ${where}: is the server running?`);
    case 'ECONNRESET':
      return new UsageError(`${where} closed the connection (ECONNRESET)`);
    default:
      if (error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT') || error.code === 'EPROTO') {
        return new UsageError(`TLS error talking to ${where}: ${error.message} (${error.code})`);
      }
      return new UsageError(`request to ${where} failed: ${error.message}${error.code ? ` (${error.code})` : ''}`);
  }
}

/**
 * One HTTP request, redirects not followed (the caller decides what a browser would do). The body
 * is read and dropped: only the status and the header lines matter.
 */
export function exchange(method: string, url: URL, requestHeaders: HeaderLines, timeoutMs: number): Promise<Exchange> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // An object, not raw lines: Node then adds Host and Connection as a browser would.
    const request = client.request(url, { method, headers: Object.fromEntries(requestHeaders) });
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    request.on('response', (response) => {
      const raw = response.rawHeaders;
      const responseHeaders: [string, string][] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.push([raw[i] ?? '', raw[i + 1] ?? '']);
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ method, url, requestHeaders, status: response.statusCode ?? 0, responseHeaders });
      });
      response.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(networkError(url, error));
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ETIMEDOUT' ? new UsageError(`${url.protocol}//${url.host} did not answer within ${timeoutMs} ms (--timeout)`) : networkError(url, error));
    });
    request.end();
  });
}
