/**
 * The request a scenario's client makes, without a browser: `client.js` is imported in Node with a
 * recording `fetch` in place, and its `request()` is called once. Gives what `cors-lint probe`
 * needs to send the same request (URL, method, the headers script set, credentials mode).
 */
import { pathToFileURL } from 'node:url';

export interface CapturedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly credentials: boolean;
}

export async function captureRequest(clientPath: string): Promise<CapturedRequest> {
  const original = globalThis.fetch;
  let captured: CapturedRequest | undefined;
  globalThis.fetch = ((input: string | URL | Request, init: RequestInit = {}) => {
    const request = new Request(input, init);
    const headers: [string, string][] = [];
    request.headers.forEach((value, name) => headers.push([name, value]));
    captured = {
      url: new URL(request.url),
      method: init.method ?? (input instanceof Request ? input.method : 'GET'),
      headers,
      credentials: (init.credentials ?? (input instanceof Request ? input.credentials : 'same-origin')) === 'include',
    };
    return Promise.resolve(new Response('{}', { status: 200 }));
  }) as typeof fetch;
  try {
    // A query makes each capture a fresh module instance.
    const module = (await import(`${pathToFileURL(clientPath).href}?capture=${Date.now()}`)) as { default: () => unknown };
    await module.default();
  } finally {
    globalThis.fetch = original;
  }
  if (!captured) throw new Error(`${clientPath}: request() made no fetch call`);
  return captured;
}
