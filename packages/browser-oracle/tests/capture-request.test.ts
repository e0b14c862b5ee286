/**
 * What a scenario's client sends, captured in Node with no header dropped: the header-dropped check
 * compares it with what Chromium sent, and `cors-lint probe` replays it. XHR clients go through a
 * recording XMLHttpRequest; axios clients run axios's browser build over it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureRequest } from '../src/capture-request.js';
import { withVendorFileUrls } from '../src/vendor.js';

const SCENARIOS = fileURLToPath(new URL('../../../test-fixtures/scenarios/', import.meta.url));
const capture = (name: string) => captureRequest(path.join(SCENARIOS, name, 'client.js'));

describe('captureRequest', () => {
  it('records a fetch with the forbidden header the script set', async () => {
    const request = await capture('client-forbidden-cookie-header');
    expect({
      url: request.url.href,
      method: request.method,
      credentials: request.credentials,
    }).toEqual({ url: 'http://api.example.test/profile', method: 'GET', credentials: false });
    expect(request.headers).toEqual([['cookie', 'session=abc123']]);
  });

  it('records an XMLHttpRequest: open, setRequestHeader (a forbidden one too) and send', async () => {
    const request = await capture('client-xhr-forbidden-header');
    expect({ url: request.url.href, method: request.method }).toEqual({
      url: 'http://api.example.test/profile',
      method: 'GET',
    });
    expect(request.headers).toEqual([['cookie', 'session=abc123']]);
  });

  it('records the body-carrying XHR of the clean twin with its Content-Type', async () => {
    const request = await capture('client-xhr-clean');
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual([['content-type', 'application/json']]);
  });

  it("runs axios's browser build: baseURL joined, the instance's default header and axios's own Accept", async () => {
    const request = await capture('client-axios-defaults-requested-with');
    expect({
      url: request.url.href,
      method: request.method,
      credentials: request.credentials,
    }).toEqual({ url: 'http://api.example.test/items', method: 'GET', credentials: false });
    expect(request.headers).toEqual([
      ['accept', 'application/json, text/plain, */*'],
      ['x-requested-with', 'XMLHttpRequest'],
    ]);
  });

  it('leaves no XMLHttpRequest, window or document behind', async () => {
    await capture('client-axios-clean');
    expect([
      typeof XMLHttpRequest,
      typeof (globalThis as { window?: unknown }).window,
      typeof (globalThis as { document?: unknown }).document,
    ]).toEqual(['undefined', 'undefined', 'undefined']);
  });
});

describe('withVendorFileUrls', () => {
  it("names axios's browser build by file URL and leaves other imports alone", () => {
    const rewritten = withVendorFileUrls(
      "import axios from 'axios';\nimport { x } from './local.js';\nconst ky = await import(\"ky\");\n",
      '?q=1',
    );
    expect(rewritten).toMatch(
      /^import axios from 'file:\/\/\/.*\/axios\/dist\/esm\/axios\.js\?q=1';$/m,
    );
    expect(rewritten).toContain("import { x } from './local.js';");
    expect(rewritten).toContain('await import("ky")');
  });
});
