import { describe, expect, it } from 'vitest';
import { extractRequests, summarize } from './extract-requests.js';

describe('ky requests', () => {
  it('reads ky(url, options) and the method helpers; json implies application/json at the json option', () => {
    const code = `
import ky from 'ky';
export async function save(order) {
  await ky.post('https://api.example.com/orders', { json: order, credentials: 'include', headers: { 'X-Trace': '1' } });
  return ky('https://api.example.com/orders', { mode: 'no-cors' }).json();
}
`;
    expect(summarize(code)).toEqual([
      {
        client: 'ky',
        at: "ky.post('https://api.example.com/orders', { json: order, credentials: 'include', headers: { 'X-Trace': '1' } })",
        url: "https://api.example.com/orders @ 'https://api.example.com/orders'",
        method: 'POST @ ky.post',
        mode: 'absent',
        credentials: "include @ credentials: 'include'",
        headers: [
          { name: 'X-Trace', value: '1', at: "'X-Trace': '1'" },
          {
            name: 'Content-Type',
            value: 'application/json',
            at: 'json: order',
            implied: 'library-default',
          },
        ],
        headersComplete: true,
        body: 'json-object @ json: order',
        uploadListeners: [],
      },
      {
        client: 'ky',
        at: "ky('https://api.example.com/orders', { mode: 'no-cors' })",
        url: "https://api.example.com/orders @ 'https://api.example.com/orders'",
        method: 'absent',
        mode: "no-cors @ mode: 'no-cors'",
        credentials: 'absent',
        headers: [],
        headersComplete: true,
        body: 'none',
        uploadListeners: [],
      },
    ]);
  });

  it('puts prefixUrl before the input and follows the response read through .json()', () => {
    const [request] = extractRequests(
      `import ky from 'ky';\nconst data = await ky.get('items', { prefixUrl: 'https://api.example.com/v1', mode: 'no-cors' }).json();`,
    );
    expect(request?.url).toMatchObject({
      kind: 'known',
      value: 'https://api.example.com/v1/items',
    });
    expect(request?.responseReads.map((read) => read.member)).toEqual(['json']);
  });

  it('needs an import of ky', () => {
    expect(
      summarize(`const ky = makeClient();\nky.post('https://api.example.com/x', { json: {} });`),
    ).toEqual([]);
  });
});

describe('ofetch requests', () => {
  it('sends an object or a string body of a POST as JSON, with baseURL joined', () => {
    const code = `
import { ofetch } from 'ofetch';
ofetch('/orders', { baseURL: 'https://api.example.com', method: 'POST', body: { id: 1 } });
ofetch('https://api.example.com/notes', { method: 'PUT', body: 'hello' });
ofetch('https://api.example.com/form', { method: 'POST', body: new FormData() });
ofetch('https://api.example.com/typed', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'text/plain' } });
`;
    expect(summarize(code).map(({ url, headers, body }) => ({ url, headers, body }))).toEqual([
      {
        url: "https://api.example.com/orders @ '/orders'",
        headers: [
          {
            name: 'Content-Type',
            value: 'application/json',
            at: 'body: { id: 1 }',
            implied: 'library-default',
          },
        ],
        body: 'json-object @ body: { id: 1 }',
      },
      {
        url: "https://api.example.com/notes @ 'https://api.example.com/notes'",
        headers: [
          {
            name: 'Content-Type',
            value: 'application/json',
            at: "body: 'hello'",
            implied: 'library-default',
          },
        ],
        body: "string @ body: 'hello'",
      },
      {
        url: "https://api.example.com/form @ 'https://api.example.com/form'",
        headers: [],
        body: 'form-data @ body: new FormData()',
      },
      {
        url: "https://api.example.com/typed @ 'https://api.example.com/typed'",
        headers: [
          { name: 'Content-Type', value: 'text/plain', at: "'Content-Type': 'text/plain'" },
        ],
        body: "string @ body: 'a=1'",
      },
    ]);
  });

  it("reads Nuxt's unbound $fetch, but not a local one", () => {
    expect(
      summarize(`await $fetch('https://api.example.com/x', { credentials: 'include' });`).map(
        ({ client, credentials }) => [client, credentials],
      ),
    ).toEqual([['ofetch', "include @ credentials: 'include'"]]);
    expect(summarize(`const $fetch = create();\n$fetch('https://api.example.com/x');`)).toEqual([]);
  });
});
