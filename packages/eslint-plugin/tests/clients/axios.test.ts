import { describe, expect, it } from 'vitest';
import { summarize } from './extract-requests.js';

describe('axios requests', () => {
  it('reads an instance: baseURL joined with the path, defaults as instance-default writes at the default, JSON body implied', () => {
    const code = `
import axios from 'axios';
axios.defaults.withCredentials = true;
const api = axios.create({ baseURL: 'https://api.example.com/v1/', headers: { Authorization: 'Bearer t' } });
api.defaults.headers.common.Cookie = 'a=1';
export const create = (item) => api.post('items', { item });
`;
    expect(summarize(code)).toEqual([
      {
        client: 'axios',
        at: "api.post('items', { item })",
        url: "https://api.example.com/v1/items @ 'items'",
        method: 'POST @ api.post',
        mode: 'absent',
        credentials: 'include @ axios.defaults.withCredentials = true',
        headers: [
          {
            name: 'Authorization',
            value: 'Bearer t',
            at: "Authorization: 'Bearer t'",
            implied: 'instance-default',
          },
          {
            name: 'Cookie',
            value: 'a=1',
            at: "api.defaults.headers.common.Cookie = 'a=1'",
            implied: 'instance-default',
          },
          {
            name: 'Content-Type',
            value: 'application/json',
            at: '{ item }',
            implied: 'library-default',
          },
        ],
        headersComplete: true,
        body: 'json-object @ { item }',
        uploadListeners: [],
      },
    ]);
  });

  it('recognises require(), require().default and an unbound global axios', () => {
    const code = `
const axios = require('axios');
const client = require('axios').default;
axios.get('https://a.example.com/one');
client.head('https://a.example.com/two');
`;
    expect(summarize(code, 'client.js').map(({ url, method }) => [url, method])).toEqual([
      ["https://a.example.com/one @ 'https://a.example.com/one'", 'GET @ axios.get'],
      ["https://a.example.com/two @ 'https://a.example.com/two'", 'HEAD @ client.head'],
    ]);
    expect(
      summarize(`axios.delete('/items/1', { withCredentials: false });`).map(
        ({ client, credentials }) => [client, credentials],
      ),
    ).toEqual([['axios', 'same-origin @ withCredentials: false']]);
  });

  it('reads axios(config) with a URLSearchParams body from a constant, and an explicit Content-Type wins over the implied one', () => {
    const code = `
import axios from 'axios';
const params = new URLSearchParams({ q: 'x' });
axios({ url: 'https://api.example.com/search', method: 'post', data: params });
axios.post('https://api.example.com/raw', 'a=1', { headers: { 'content-type': 'text/plain' } });
`;
    const [search, raw] = summarize(code);
    expect(search).toMatchObject({
      method: "POST @ 'post'",
      headers: [
        {
          name: 'Content-Type',
          value: 'application/x-www-form-urlencoded;charset=utf-8',
          at: 'data: params',
          implied: 'library-default',
        },
      ],
      body: 'url-search-params @ data: params',
    });
    expect(raw).toMatchObject({
      headers: [{ name: 'content-type', value: 'text/plain', at: "'content-type': 'text/plain'" }],
      body: "string @ 'a=1'",
    });
  });

  it('postForm sends form data with no Content-Type of its own', () => {
    expect(
      summarize(
        `import axios from 'axios';\naxios.postForm('https://api.example.com/upload', { file });`,
      )[0],
    ).toMatchObject({ method: 'POST @ axios.postForm', headers: [], body: 'form-data @ { file }' });
  });

  it('marks what it cannot read as unknown or incomplete', () => {
    const code = `
import axios from 'axios';
export function send(config, url) {
  axios(config);
  axios.get(url, { ...config });
}
axios.interceptors.request.use(addToken);
`;
    expect(
      summarize(code).map(({ url, method, credentials, headersComplete }) => ({
        url,
        method,
        credentials,
        headersComplete,
      })),
    ).toEqual([
      {
        url: 'unknown @ config',
        method: 'unknown @ config',
        credentials: 'unknown @ config',
        headersComplete: false,
      },
      {
        url: 'unknown @ url',
        method: 'GET @ axios.get',
        credentials: 'unknown @ { ...config }',
        headersComplete: false,
      },
    ]);
  });

  it('a relative path under an unknown baseURL goes to an unknown origin', () => {
    const code = `
import axios from 'axios';
const api = axios.create({ baseURL: process.env.API_URL });
api.get('/items');
`;
    expect(summarize(code)[0]?.url).toBe("unknown @ '/items'");
  });

  it('ignores a shadowed axios and other modules', () => {
    const code = `
import axios from './my-axios';
function local(axios) {
  return axios.get('https://a.example.com/x');
}
axios.post('https://a.example.com/y', {});
const other = { get: () => 1 };
other.get('https://a.example.com/z');
`;
    expect(summarize(code)).toEqual([]);
  });
});
