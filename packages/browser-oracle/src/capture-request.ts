/**
 * The request a scenario's client makes, without a browser: `client.js` is imported in Node with a
 * recording `fetch` and a recording `XMLHttpRequest` in place, and its `request()` is called once.
 * Gives what `cors-lint probe` needs to send the same request (URL, method, the headers the script
 * set, credentials mode), and the header values a browser would drop. A client that imports axios
 * runs axios's browser build (see vendor.ts), which sends through the recording XHR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ORIGIN } from './hosts.js';
import { importsVendorModule, withVendorFileUrls } from './vendor.js';

export interface CapturedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly credentials: boolean;
}

type Listener = () => void;

/** Just enough of XMLHttpRequest for a script and axios's XHR adapter: records what is sent, then loads `{}` with status 200. */
class RecordingXhr {
  readyState = 0;
  status = 0;
  statusText = '';
  responseText = '';
  response = '';
  responseType = '';
  responseURL = '';
  timeout = 0;
  withCredentials = false;
  readonly upload = { addEventListener() {}, removeEventListener() {} };
  onreadystatechange: Listener | null = null;
  onload: Listener | null = null;
  onerror: Listener | null = null;
  onabort: Listener | null = null;
  ontimeout: Listener | null = null;
  onloadend: Listener | null = null;
  private readonly listeners = new Map<string, Listener[]>();
  private method = 'GET';
  private url = '';
  // Node's Headers drops no header name (a browser's would): it only combines repeated names as XHR does.
  private readonly headers = new Headers();

  constructor(private readonly record: (request: CapturedRequest) => void) {}

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.append(name, String(value));
  }

  send(): void {
    const headers: [string, string][] = [];
    this.headers.forEach((value, name) => headers.push([name, value]));
    this.record({
      url: new URL(this.url, `${APP_ORIGIN}/`),
      method: this.method.toUpperCase(),
      headers,
      credentials: this.withCredentials,
    });
    setTimeout(() => {
      Object.assign(this, {
        readyState: 4,
        status: 200,
        statusText: 'OK',
        responseText: '{}',
        response: '{}',
        responseURL: this.url,
      });
      for (const event of ['readystatechange', 'load', 'loadend']) this.dispatch(event);
    });
  }

  getAllResponseHeaders(): string {
    return 'content-type: application/json\r\n';
  }

  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((entry) => entry !== listener),
    );
  }

  abort(): void {}

  private dispatch(type: string): void {
    (this as unknown as Record<string, Listener | null>)[`on${type}`]?.call(this);
    for (const listener of this.listeners.get(type) ?? []) listener.call(this);
  }
}

let captures = 0;

/**
 * The module to import for one capture: `client.js` itself, or, when it imports a vendor library, a
 * temporary copy naming that library's browser build by file URL (Node resolves a bare `axios` to
 * its Node build), with a query that loads a fresh instance.
 */
function clientModule(clientPath: string, query: string): { url: string; cleanup: () => void } {
  const source = fs.readFileSync(clientPath, 'utf8');
  if (!importsVendorModule(source))
    return { url: `${pathToFileURL(clientPath).href}${query}`, cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-capture-'));
  const copy = path.join(dir, 'client.mjs');
  fs.writeFileSync(copy, withVendorFileUrls(source, query));
  return {
    url: pathToFileURL(copy).href,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Globals set for one capture: the recording clients, and the `window`/`document` by which axios knows it is in a browser page. */
function installGlobals(record: (request: CapturedRequest) => void): () => void {
  const names = ['fetch', 'XMLHttpRequest', 'window', 'document'] as const;
  const saved = new Map(
    names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]),
  );
  const fetchRecorder = (input: string | URL | Request, init: RequestInit = {}) => {
    const request = new Request(input, init);
    const headers: [string, string][] = [];
    request.headers.forEach((value, name) => headers.push([name, value]));
    record({
      url: new URL(request.url),
      method: init.method ?? (input instanceof Request ? input.method : 'GET'),
      headers,
      credentials:
        (init.credentials ?? (input instanceof Request ? input.credentials : 'same-origin')) ===
        'include',
    });
    return Promise.resolve(new Response('{}', { status: 200 }));
  };
  const values: Record<(typeof names)[number], unknown> = {
    fetch: fetchRecorder,
    XMLHttpRequest: class extends RecordingXhr {
      constructor() {
        super(record);
      }
    },
    window: { location: { href: `${APP_ORIGIN}/` } },
    document: { cookie: '' },
  };
  for (const name of names)
    Object.defineProperty(globalThis, name, {
      value: values[name],
      configurable: true,
      writable: true,
    });
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  };
}

export async function captureRequest(clientPath: string): Promise<CapturedRequest> {
  let captured: CapturedRequest | undefined;
  const restore = installGlobals((request) => (captured = request));
  captures += 1;
  // A query makes each capture a fresh module instance.
  const module = clientModule(clientPath, `?capture=${Date.now()}-${captures}`);
  try {
    const loaded = (await import(module.url)) as { default: () => unknown };
    await loaded.default();
  } finally {
    restore();
    module.cleanup();
  }
  if (!captured)
    throw new Error(`${clientPath}: request() made no fetch call and sent no XMLHttpRequest`);
  return captured;
}
