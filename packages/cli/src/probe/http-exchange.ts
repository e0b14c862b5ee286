import http from 'node:http';
import https from 'node:https';
import { NetworkError } from '../errors.js';

export type HeaderLines = readonly (readonly [string, string])[];

export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: HeaderLines;
  readonly status: number;
  /** As received: one entry per header line, so a repeated header stays visible. */
  readonly responseHeaders: HeaderLines;
}

/** OpenSSL's words when the other end answered in plain HTTP (an https: URL on an http port). */
const PLAIN_HTTP_ANSWER =
  /wrong version number|packet length too long|http request|unknown protocol/i;

/** Network failures worded for a person, with the address that failed. */
function networkError(url: URL, error: NodeJS.ErrnoException): NetworkError {
  const where = `${url.protocol}//${url.host}`;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NetworkError(`cannot resolve the host of ${where} (${error.code})`);
    case 'ECONNREFUSED':
      return new NetworkError(`connection refused by ${where}: is the server running?`);
    case 'ECONNRESET':
      return new NetworkError(`${where} closed the connection (ECONNRESET)`);
    default:
      if (
        error.code?.startsWith('ERR_TLS') ||
        error.code?.startsWith('ERR_SSL') ||
        error.code?.includes('CERT') ||
        error.code === 'EPROTO'
      ) {
        if (PLAIN_HTTP_ANSWER.test(error.message))
          return new NetworkError(
            `TLS handshake with ${where} failed: the server answered in plain HTTP, not TLS (try http://${url.host})`,
          );
        // OpenSSL's text (`…:error:0A000086:SSL routines::…`) stays out; Node's first words and the code say it.
        return new NetworkError(
          `TLS error talking to ${where}: ${error.message.split(':error:')[0]?.trim() ?? error.message} (${error.code})`,
        );
      }
      return new NetworkError(
        `request to ${where} failed: ${error.message}${error.code ? ` (${error.code})` : ''}`,
      );
  }
}

/**
 * One HTTP request, redirects not followed (the caller decides what a browser would do). It ends
 * when the status and header lines are in, as the browser's CORS check does: the body is not
 * waited for, so a body that never ends (a stream) is no "did not answer".
 */
export function exchange(
  method: string,
  url: URL,
  requestHeaders: HeaderLines,
  timeoutMs: number,
): Promise<Exchange> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // An object, not raw lines: Node then adds Host and Connection as a browser would.
    const request = client.request(url, { method, headers: Object.fromEntries(requestHeaders) });
    const timer = setTimeout(
      () =>
        request.destroy(
          Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
        ),
      timeoutMs,
    );
    request.on('response', (response) => {
      const raw = response.rawHeaders;
      const responseHeaders: [string, string][] = [];
      for (let i = 0; i + 1 < raw.length; i += 2)
        responseHeaders.push([raw[i] ?? '', raw[i + 1] ?? '']);
      clearTimeout(timer);
      response.destroy();
      resolve({ method, url, requestHeaders, status: response.statusCode ?? 0, responseHeaders });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ETIMEDOUT'
          ? new NetworkError(
              `${url.protocol}//${url.host} did not answer within ${timeoutMs} ms (--timeout)`,
            )
          : networkError(url, error),
      );
    });
    request.end();
  });
}
