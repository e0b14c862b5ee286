import http from 'node:http';
import type { AddressInfo } from 'node:net';
import cors from 'cors';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO } from './helpers.js';

/** A real Express app with the `cors` package on some routes, and a few misbehaving routes. */
function app(): http.RequestListener {
  const api = express();
  api.use(
    '/open',
    cors({
      origin: 'https://app.example.com',
      credentials: true,
      allowedHeaders: ['Content-Type'],
    }),
  );
  api.all('/open', (_req, res) => res.json({ ok: true }));
  api.put('/route-only', cors({ origin: 'https://app.example.com' }), (_req, res) =>
    res.json({ ok: true }),
  );
  api.get('/crash', () => {
    throw new Error('boom');
  });
  api.options('/moved', (_req, res) => res.redirect(301, '/open'));
  // Redirects: one that allows the origin itself, one that does not, one to another origin.
  api.get('/hop', (_req, res) => {
    res.set('Access-Control-Allow-Origin', 'https://app.example.com');
    res.redirect(302, '/open');
  });
  api.get('/hop-bare', (_req, res) => res.redirect(302, '/open'));
  api.get('/away', (req, res) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.redirect(307, String(req.query['to']));
  });
  api.post('/see-other', (_req, res) => {
    res.set('Access-Control-Allow-Origin', 'https://app.example.com');
    res.redirect(303, '/open');
  });
  // Headers at once, then a body that never ends.
  api.get('/stream', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.write('chunk');
  });
  api.get('/wildcard', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json({ ok: true });
  });
  return api as unknown as http.RequestListener;
}

let server: http.Server;
let base: string;
let other: http.Server;
let otherBase: string;
let silent: http.Server;
let silentBase: string;

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  return new Promise((resolve) => {
    const created = http.createServer(handler);
    created.listen(0, '127.0.0.1', () =>
      resolve([created, `http://127.0.0.1:${(created.address() as AddressInfo).port}`]),
    );
  });
}

beforeAll(async () => {
  [server, base] = await listen(app());
  // The same app on another port: another origin.
  [other, otherBase] = await listen(app());
  // Accepts the connection and never answers.
  [silent, silentBase] = await listen(() => undefined);
});

afterAll(() => {
  for (const each of [server, other, silent]) {
    each.closeAllConnections();
    each.close();
  }
});

const probe = (args: string[]) => cli(['probe', ...args], REPO);

describe('cors-lint probe', () => {
  it('allows a credentialed preflighted request the server allows, and shows both exchanges', async () => {
    const run = await probe([
      `${base}/open`,
      '--origin',
      'https://app.example.com',
      '--method',
      'PUT',
      '--header',
      'Content-Type: application/json',
      '--credentials',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Preflight needed: the method PUT is not GET, HEAD or POST; the header content-type is not CORS-safelisted.',
    );
    expect(run.stdout).toMatch(
      /Preflight: OPTIONS http:\/\/127\.0\.0\.1:\d+\/open → 204\n {2}Access-Control-Allow-Origin: https:\/\/app\.example\.com\n/,
    );
    expect(run.stdout).toContain('  Access-Control-Allow-Credentials: true');
    expect(run.stdout).toMatch(/Request: PUT http:\/\/127\.0\.0\.1:\d+\/open → 200/);
    expect(run.stdout).toContain('Allowed: the page can read this response.');
  });

  it('blocks a foreign origin with the exact console lines', async () => {
    const run = await probe([`${base}/open`, '--origin', 'https://attacker.test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('No preflight needed');
    expect(run.stdout).toContain(
      `Chrome:  Access to fetch at '${base}/open' from origin 'https://attacker.test' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://app.example.com' that is not equal to the supplied origin.`,
    );
    expect(run.stdout).toContain(
      `Firefox: Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${base}/open. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘https://app.example.com’).`,
    );
  });

  it('fails a preflight that Express answers without CORS headers (cors() only on the PUT route)', async () => {
    const run = await probe([
      `${base}/route-only`,
      '--origin',
      'https://app.example.com',
      '--method',
      'PUT',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Preflight: OPTIONS .*\/route-only → 200\n {2}\(no Access-Control-\* or Vary header in the response\)/,
    );
    expect(run.stdout).toContain(
      "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(run.stdout).not.toContain('Request: PUT');
  });

  it('says to fix a server error first, and names a redirected preflight', async () => {
    const crash = await probe([`${base}/crash`, '--origin', 'https://app.example.com']);
    expect(crash.code).toBe(1);
    expect(crash.stdout).toContain(
      'Hint: The server answered 500 without CORS headers: fix the server error first',
    );
    const moved = await probe([
      `${base}/moved`,
      '--origin',
      'https://app.example.com',
      '--method',
      'DELETE',
    ]);
    expect(moved.code).toBe(1);
    expect(moved.stdout).toContain('Redirect is not allowed for a preflight request.');
    expect(moved.stdout).toContain(
      'Hint: The preflight was redirected to /open; browsers never follow a redirect on a preflight.',
    );
  });

  it('follows redirects as the browser does, checking CORS at every hop', async () => {
    const allowed = await probe([`${base}/hop`, '--origin', 'https://app.example.com']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /Redirect: GET http:\/\/127\.0\.0\.1:\d+\/hop → 302\n {2}Access-Control-Allow-Origin: https:\/\/app\.example\.com\n {2}Location: \/open\n/,
    );
    expect(allowed.stdout).toMatch(
      /Request \(Origin: https:\/\/app\.example\.com\): GET http:\/\/127\.0\.0\.1:\d+\/open → 200/,
    );
    expect(allowed.stdout).toContain('Allowed: the page can read this response.');

    // The redirect response itself must allow the origin.
    const bare = await probe([`${base}/hop-bare`, '--origin', 'https://app.example.com']);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain(
      `Chrome:  Access to fetch at '${base}/hop-bare' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    );
    expect(bare.stdout).not.toContain('Request (Origin');

    // From one foreign origin to another: the next request carries `Origin: null`, which /open does not allow.
    const tainted = await probe([
      `${base}/away?to=${encodeURIComponent(`${otherBase}/open`)}`,
      '--origin',
      'https://app.example.com',
    ]);
    expect(tainted.code).toBe(1);
    expect(tainted.stdout).toMatch(
      /Request \(Origin: null\): GET http:\/\/127\.0\.0\.1:\d+\/open → 200/,
    );
    expect(tainted.stdout).toContain('the browser sends `Origin: null`');

    // A 303 turns the POST into a GET without its body's Content-Type.
    const seeOther = await probe([
      `${base}/see-other`,
      '--origin',
      'https://app.example.com',
      '--method',
      'POST',
      '--header',
      'Content-Type: text/plain',
    ]);
    expect(seeOther.code).toBe(0);
    expect(seeOther.stdout).toMatch(
      /Request \(Origin: https:\/\/app\.example\.com\): GET http:\/\/127\.0\.0\.1:\d+\/open → 200/,
    );
  });

  it('decides on the status and headers, without waiting for a body that never ends', async () => {
    const run = await probe([
      `${base}/stream`,
      '--origin',
      'https://app.example.com',
      '--timeout',
      '3000',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Allowed: the page can read this response.');
  });

  it('blocks a wildcard origin only when credentials are sent', async () => {
    expect((await probe([`${base}/wildcard`, '--origin', 'https://app.example.com'])).code).toBe(0);
    const credentialed = await probe([
      `${base}/wildcard`,
      '--origin',
      'https://app.example.com',
      '--credentials',
    ]);
    expect(credentialed.code).toBe(1);
    expect(credentialed.stdout).toContain(
      "must not be the wildcard '*' when the request's credentials mode is 'include'",
    );
  });

  it('turns network failures, timeouts and bad arguments into exit code 2 and one line', async () => {
    const closed = await listen(() => undefined);
    const closedUrl = closed[1];
    closed[0].close();
    const cases: [string[], RegExp][] = [
      [
        [`${closedUrl}/x`, '--origin', 'https://app.example.com'],
        /^cors-lint: connection refused by http:\/\/127\.0\.0\.1:\d+: is the server running\?\n/,
      ],
      [
        [`${silentBase}/x`, '--origin', 'https://app.example.com', '--timeout', '300'],
        /^cors-lint: http:\/\/127\.0\.0\.1:\d+ did not answer within 300 ms \(--timeout\)\n/,
      ],
      [
        ['http://no-such-host.invalid/x', '--origin', 'https://app.example.com'],
        /^cors-lint: cannot resolve the host of http:\/\/no-such-host\.invalid/,
      ],
      [
        ['ftp://example.com/x', '--origin', 'https://app.example.com'],
        /^cors-lint: probe checks http: and https: URLs only; got 'ftp:'\n/,
      ],
      [
        ['not a url', '--origin', 'https://app.example.com'],
        /^cors-lint: 'not a url' is not an absolute URL/,
      ],
      [[`${base}/open`], /^cors-lint: probe needs --origin/],
      [
        [`${base}/open`, '--origin', 'https://app.example.com/'],
        /^cors-lint: --origin must be an origin such as/,
      ],
      [
        [`${base}/open`, '--origin', 'https://app.example.com', '--header', 'no colon'],
        /^cors-lint: --header must look like 'Name: value'; got 'no colon'\n/,
      ],
      [
        [`${base}/open`, '--origin', 'https://app.example.com', '--timeout', 'soon'],
        /^cors-lint: --timeout must be a positive number of milliseconds; got 'soon'\n/,
      ],
      [
        [`${base}/open`, '--origin', 'https://app.example.com', '--timeout', '3000000000'],
        /^cors-lint: --timeout must be at most 2147483647 ms \(about 24\.8 days\); got '3000000000'\n/,
      ],
      [
        ['http://127.0.0.1:99999/x', '--origin', 'https://app.example.com'],
        /^cors-lint: the port 99999 in 'http:\/\/127\.0\.0\.1:99999\/x' is out of range \(0 to 65535\)\n/,
      ],
      [
        [`${base}/open`, '--origin', 'https://app.example.com', '--header', 'X-Price: 5 €'],
        /^cors-lint: --header X-Price: '€' is not Latin-1, and a page's fetch\(\) rejects such a header value/,
      ],
      [
        [
          `${base}/open`,
          '--origin',
          'https://app.example.com',
          '--header',
          'X-Note: a\r\nInjected: 1',
        ],
        /^cors-lint: --header X-Note: a header value cannot contain a line break or NUL\n/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await probe(args);
      expect({ code: run.code, stdout: run.stdout }, args.join(' ')).toEqual({
        code: 2,
        stdout: '',
      });
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // A network failure is no usage mistake: no pointer to --help.
    expect(
      (await probe([`${closedUrl}/x`, '--origin', 'https://app.example.com'])).stderr,
    ).not.toContain('--help');
    // https: to a port that speaks plain HTTP: said in words, without OpenSSL's text.
    const tls = await probe([
      `${base.replace('http:', 'https:')}/open`,
      '--origin',
      'https://app.example.com',
    ]);
    expect(tls.code).toBe(2);
    expect(tls.stderr).toMatch(
      /^cors-lint: TLS handshake with https:\/\/127\.0\.0\.1:\d+ failed: the server answered in plain HTTP, not TLS \(try http:\/\/127\.0\.0\.1:\d+\)\n$/,
    );
  });
});
