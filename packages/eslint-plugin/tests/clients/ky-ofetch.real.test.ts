/**
 * The ky and ofetch extractors against the real libraries: each snippet runs with a recording
 * `fetch`, and the request it builds must carry the Content-Type the extractor models (an implied
 * write where the library sets one; none where the body's own default applies).
 */
import ky from 'ky';
import { createFetch } from 'ofetch';
import { describe, expect, it } from 'vitest';
import { extractRequests } from './extract-requests.js';

interface Sent {
  method: string;
  url: string;
  contentType: string | null;
}

async function runReal(code: string): Promise<Sent[]> {
  const sent: Sent[] = [];
  const record = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({
      method: request.method,
      url: request.url,
      contentType: request.headers.get('content-type'),
    });
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  const recordingKy = ky.create({ fetch: record, retry: 0 });
  const recordingOfetch = createFetch({ fetch: record as typeof fetch });
  const run = new Function('ky', 'ofetch', `return Promise.all([${code}]);`) as (
    ...args: unknown[]
  ) => Promise<unknown>;
  await run(recordingKy, recordingOfetch);
  return sent.sort((a, b) => a.url.localeCompare(b.url));
}

/** The extractor's Content-Type: its write, else the browser's default for a string body. */
function modelled(code: string, imports: string): Sent[] {
  return extractRequests(`${imports}\nawait Promise.all([${code}]);`)
    .map((request) => {
      const write = request.headers.writes.find(
        (candidate) => candidate.name.toLowerCase() === 'content-type',
      );
      const fromBody = request.body.kind === 'string' ? 'text/plain;charset=UTF-8' : null;
      return {
        method: request.method.kind === 'known' ? request.method.value : 'GET',
        url: request.url.kind === 'known' ? request.url.value : '?',
        contentType: write ? (write.value ?? '?') : fromBody,
      };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

describe('ky and ofetch send what the extractor models', () => {
  it('ky: json as application/json, a string body with the browser default', async () => {
    const code = `ky.post('https://api.example.com/json', { json: { a: 1 } }), ky.put('https://api.example.com/text', { body: 'x' })`;
    const expected = [
      { method: 'POST', url: 'https://api.example.com/json', contentType: 'application/json' },
      {
        method: 'PUT',
        url: 'https://api.example.com/text',
        contentType: 'text/plain;charset=UTF-8',
      },
    ];
    expect(await runReal(code)).toEqual(expected);
    expect(modelled(code, "import ky from 'ky';")).toEqual(expected);
  });

  it('ofetch: objects and strings of payload methods as application/json, FormData left to the browser, baseURL joined', async () => {
    const code = [
      `ofetch('/object', { baseURL: 'https://api.example.com', method: 'POST', body: { a: 1 } })`,
      `ofetch('https://api.example.com/string', { method: 'DELETE', body: 'x' })`,
      `ofetch('https://api.example.com/typed', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/csv' } })`,
    ].join(', ');
    const expected = [
      { method: 'POST', url: 'https://api.example.com/object', contentType: 'application/json' },
      { method: 'DELETE', url: 'https://api.example.com/string', contentType: 'application/json' },
      { method: 'POST', url: 'https://api.example.com/typed', contentType: 'text/csv' },
    ];
    expect(await runReal(code)).toEqual(expected);
    expect(modelled(code, "import { ofetch } from 'ofetch';")).toEqual(expected);
    const [form] = await runReal(
      `ofetch('https://api.example.com/form', { method: 'POST', body: new FormData() })`,
    );
    expect(form?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(
      extractRequests(
        `import { ofetch } from 'ofetch';\nofetch('https://api.example.com/form', { method: 'POST', body: new FormData() });`,
      )[0]?.headers.writes,
    ).toEqual([]);
  });
});
