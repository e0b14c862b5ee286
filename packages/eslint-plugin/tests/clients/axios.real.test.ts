/**
 * The axios extractor against the real axios: each snippet is run by axios's own XHR adapter (the
 * one browsers use) over a recording XMLHttpRequest, in a browser-like environment, and what reaches
 * `open`/`setRequestHeader`/`withCredentials` must be what the extractor says the same code sends.
 * Only axios's constant `Accept: application/json, text/plain, *\/*` (CORS-safelisted) is left out.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { AxiosStatic } from 'axios';
import type { ClientRequest } from 'cors-lint-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRequests } from './extract-requests.js';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  withCredentials: boolean;
}

const sent: Sent[] = [];

/** Records what axios hands to the browser, then completes the request so axios's promise settles. */
class RecordingXhr {
  readyState = 0;
  status = 0;
  statusText = '';
  responseText = '';
  response = '';
  responseURL = '';
  withCredentials = false;
  timeout = 0;
  responseType = '';
  upload = { addEventListener() {}, removeEventListener() {} };
  onloadend: (() => void) | null = null;
  private record: Sent | undefined;
  open(method: string, url: string) {
    this.record = { method, url, headers: {}, withCredentials: false };
  }
  setRequestHeader(name: string, value: string) {
    if (this.record) this.record.headers[name.toLowerCase()] = value;
  }
  send() {
    if (!this.record) return;
    sent.push({ ...this.record, withCredentials: this.withCredentials });
    setTimeout(() => {
      this.readyState = 4;
      this.status = 200;
      this.onloadend?.();
    });
  }
  getAllResponseHeaders() {
    return '';
  }
  addEventListener() {}
  removeEventListener() {}
  abort() {}
}

let axios: AxiosStatic;
const saved: Record<string, unknown> = {};

beforeAll(async () => {
  // axios decides at load time whether it runs in a standard browser (window and document exist):
  // only there does it leave FormData's Content-Type to the browser.
  for (const name of ['window', 'document', 'XMLHttpRequest'])
    saved[name] = (globalThis as Record<string, unknown>)[name];
  Object.assign(globalThis, {
    window: { location: { href: 'https://app.example.com/' } },
    document: { cookie: '' },
    XMLHttpRequest: RecordingXhr,
  });
  axios = (await import('axios')).default;
});

afterAll(() => {
  Object.assign(globalThis, saved);
});

const targets = new WeakMap<object, object>();

/**
 * `value` seen through a proxy that keeps every promise any call on it returns (axios's requests),
 * so a test can wait for the requests themselves to settle instead of for a guessed time.
 */
function recordingPromises<T>(value: T, promises: Promise<unknown>[]): T {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof (value as { then?: unknown }).then === 'function') {
    promises.push(Promise.resolve(value).catch(() => undefined));
    return value;
  }
  const target = value as object;
  const proxy = new Proxy(target, {
    get: (object, key) => recordingPromises(Reflect.get(object, key), promises),
    apply: (fn, thisArg, args) =>
      recordingPromises(
        Reflect.apply(
          fn as (...a: unknown[]) => unknown,
          targets.get(thisArg as object) ?? thisArg,
          args,
        ),
        promises,
      ),
    construct: (fn, args) =>
      recordingPromises(Reflect.construct(fn as new (...a: unknown[]) => object, args), promises),
  });
  targets.set(proxy, target);
  return proxy as T;
}

/** Runs `code` with a pristine copy of the default export as `axios`, and returns what was sent, by URL. */
async function runReal(code: string): Promise<Sent[]> {
  sent.length = 0;
  const requests: Promise<unknown>[] = [];
  const fresh = recordingPromises(axios.create(), requests);
  const run = new Function('axios', 'FormData', 'URLSearchParams', code) as (
    ...args: unknown[]
  ) => void;
  run(fresh, FormData, URLSearchParams);
  expect(requests.length).toBeGreaterThan(0);
  await Promise.all(requests);
  return sent
    .map(({ headers: { accept: _accept, ...headers }, ...rest }) => ({ ...rest, headers }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** What the extractor says the same code sends, in the recorder's terms. */
function modelled(code: string): Sent[] {
  return extractRequests(`import axios from 'axios';\n${code}`)
    .map((request: ClientRequest<TSESTree.Node>) => ({
      method:
        request.method.kind === 'known'
          ? request.method.value
          : request.method.kind === 'absent'
            ? 'GET'
            : '?',
      url: request.url.kind === 'known' ? request.url.value : '?',
      headers: Object.fromEntries(
        request.headers.writes.map((write) => [write.name.toLowerCase(), write.value ?? '?']),
      ),
      withCredentials:
        request.credentials.kind === 'known' && request.credentials.value === 'include',
    }))
    .sort((a, b) => a.url.localeCompare(b.url));
}

async function expectSame(code: string, expected: Sent[]): Promise<void> {
  const real = await runReal(code);
  expect(real).toEqual(expected);
  expect(modelled(code)).toEqual(expected);
}

const API = 'https://api.example.com';

describe('axios in a browser sends what the extractor models', () => {
  it('a plain object or array body as application/json', async () => {
    await expectSame(
      `axios.post('${API}/object', { name: 'x' }); axios.put('${API}/array', [1, 2]);`,
      [
        {
          method: 'PUT',
          url: `${API}/array`,
          headers: { 'content-type': 'application/json' },
          withCredentials: false,
        },
        {
          method: 'POST',
          url: `${API}/object`,
          headers: { 'content-type': 'application/json' },
          withCredentials: false,
        },
      ],
    );
  });

  it('an object in a GET config still gets application/json', async () => {
    await expectSame(`axios({ url: '${API}/search', data: { q: 'x' } });`, [
      {
        method: 'GET',
        url: `${API}/search`,
        headers: { 'content-type': 'application/json' },
        withCredentials: false,
      },
    ]);
  });

  it('URLSearchParams as application/x-www-form-urlencoded;charset=utf-8', async () => {
    await expectSame(`axios.post('${API}/form', new URLSearchParams('a=1'));`, [
      {
        method: 'POST',
        url: `${API}/form`,
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        withCredentials: false,
      },
    ]);
  });

  it('FormData, and postForm with an object, with no Content-Type: the browser writes multipart/form-data', async () => {
    await expectSame(
      `axios.post('${API}/upload', new FormData()); axios.postForm('${API}/upload-form', { name: 'x' });`,
      [
        { method: 'POST', url: `${API}/upload`, headers: {}, withCredentials: false },
        { method: 'POST', url: `${API}/upload-form`, headers: {}, withCredentials: false },
      ],
    );
  });

  it('a string POST body as application/x-www-form-urlencoded unless a Content-Type is given', async () => {
    await expectSame(
      `axios.post('${API}/text', 'hello'); axios.post('${API}/typed', 'hello', { headers: { 'Content-Type': 'text/plain' } });`,
      [
        {
          method: 'POST',
          url: `${API}/text`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          withCredentials: false,
        },
        {
          method: 'POST',
          url: `${API}/typed`,
          headers: { 'content-type': 'text/plain' },
          withCredentials: false,
        },
      ],
    );
  });

  it('no Content-Type without a body', async () => {
    await expectSame(`axios.get('${API}/items'); axios.delete('${API}/items/1');`, [
      { method: 'GET', url: `${API}/items`, headers: {}, withCredentials: false },
      { method: 'DELETE', url: `${API}/items/1`, headers: {}, withCredentials: false },
    ]);
  });

  it('defaults.headers.common, defaults.headers.post and defaults.withCredentials', async () => {
    const code = `
axios.defaults.headers.common['X-Requested-With'] = 'XMLHttpRequest';
axios.defaults.headers.post.Authorization = 'Bearer t';
axios.defaults.withCredentials = true;
axios.get('${API}/read');
axios.post('${API}/write', 'x');
`;
    await expectSame(code, [
      {
        method: 'GET',
        url: `${API}/read`,
        headers: { 'x-requested-with': 'XMLHttpRequest' },
        withCredentials: true,
      },
      {
        method: 'POST',
        url: `${API}/write`,
        headers: {
          'x-requested-with': 'XMLHttpRequest',
          authorization: 'Bearer t',
          'content-type': 'application/x-www-form-urlencoded',
        },
        withCredentials: true,
      },
    ]);
  });

  it("create()'s baseURL, headers and withCredentials, the instance's defaults, and global defaults set before create() only", async () => {
    const code = `
axios.defaults.headers.common['X-Before'] = '1';
const api = axios.create({ baseURL: '${API}/v1/', headers: { 'X-Client': 'web', post: { 'X-Write': 'yes' } }, withCredentials: true });
api.defaults.headers.common.Authorization = 'Bearer t';
axios.defaults.headers.common['X-After'] = '2';
api.get('/items');
api.post('orders', { id: 1 });
api.get('https://other.example.com/absolute');
`;
    const shared = { 'x-before': '1', 'x-client': 'web', authorization: 'Bearer t' };
    await expectSame(code, [
      { method: 'GET', url: `${API}/v1/items`, headers: shared, withCredentials: true },
      {
        method: 'POST',
        url: `${API}/v1/orders`,
        headers: { ...shared, 'x-write': 'yes', 'content-type': 'application/json' },
        withCredentials: true,
      },
      {
        method: 'GET',
        url: 'https://other.example.com/absolute',
        headers: shared,
        withCredentials: true,
      },
    ]);
  });

  it("a request's header replaces a default of the same name in any case, and null drops it", async () => {
    const code = `
axios.defaults.headers.common.Authorization = 'Bearer default';
axios.get('${API}/mine', { headers: { authorization: 'Bearer mine' } });
axios.get('${API}/none', { headers: { Authorization: null } });
`;
    await expectSame(code, [
      {
        method: 'GET',
        url: `${API}/mine`,
        headers: { authorization: 'Bearer mine' },
        withCredentials: false,
      },
      { method: 'GET', url: `${API}/none`, headers: {}, withCredentials: false },
    ]);
  });

  it('axios(url, config) and axios.request(config) with a method in the config', async () => {
    const code = `
axios('${API}/patch', { method: 'patch', data: { a: 1 }, withCredentials: true });
axios.request({ url: '${API}/request', method: 'delete' });
`;
    await expectSame(code, [
      {
        method: 'PATCH',
        url: `${API}/patch`,
        headers: { 'content-type': 'application/json' },
        withCredentials: true,
      },
      { method: 'DELETE', url: `${API}/request`, headers: {}, withCredentials: false },
    ]);
  });
});
