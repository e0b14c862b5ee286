import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-invalid-no-cors-request.js';

const ruleTester = new RuleTester();

ruleTester.run('no-invalid-no-cors-request', rule, {
  valid: [
    // GET, HEAD and POST (any case: fetch normalizes them) with safelisted headers.
    `
fetch('https://stats.example.com/hit', {
  mode: 'no-cors',
  method: 'post',
  headers: { 'Content-Type': 'text/plain', Accept: 'text/html', 'Accept-Language': 'en' },
  body: JSON.stringify({ page: location.pathname }),
});
`,
    // Without no-cors everything is allowed (the server must answer the preflight).
    `
fetch('https://api.example.com/items/1', { method: 'PUT', headers: { Authorization: 'Bearer x' } });
`,
    // Values not known: no guess.
    `
function send(method, type) {
  return fetch('https://stats.example.com/hit', { mode: 'no-cors', method, headers: { 'Content-Type': type } });
}
`,
    // Forbidden headers are no-forbidden-request-header's.
    `
fetch('https://stats.example.com/hit', { mode: 'no-cors', headers: { Cookie: 'a=b' } });
`,
    // A no-cors object spread or merged into options that set their own mode: those options decide.
    `
const base = { mode: 'no-cors', headers: { 'X-Trace': '1' } };
fetch('https://api.example.com/a', { ...base, mode: 'cors' });
fetch('https://api.example.com/b', Object.assign({}, { mode: 'no-cors' }, { mode: 'cors', headers: { Authorization: 'Bearer x' } }));
`,
    // axios sends with XMLHttpRequest and has no mode: the header is sent.
    `
import axios from 'axios';
const api = axios.create({ mode: 'no-cors', headers: { Authorization: 'Bearer x' } });
`,
    // lodash's defaults() keeps the first value it sees, unlike merge(): not read, so not guessed.
    `
import { defaults } from 'lodash';
fetch('https://api.example.com/c', defaults({ headers: { Authorization: 'Bearer x' } }, { mode: 'no-cors' }));
`,
  ],
  invalid: [
    {
      code: `
fetch('https://api.example.com/items/1', { mode: 'no-cors', method: 'put' });
`,
      errors: [
        {
          messageId: 'unsupportedMethod',
          data: { method: 'PUT' },
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 74,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
fetch('https://api.example.com/items/1', { method: 'put' });
`,
            },
          ],
        },
      ],
    },
    {
      // Headers through new Headers([...]) and a later set() on the same constant; a JSON Content-Type is dropped too.
      // Headers written outside the options are reported where this request takes them: other requests may share them.
      code: `
const headers = new Headers([['Authorization', 'Bearer token']]);
headers.set('Content-Type', 'application/json');
const request = new Request('https://api.example.com/items', { method: 'POST', mode: 'no-cors', headers });
`,
      errors: [
        {
          messageId: 'droppedHeader',
          data: { header: 'Authorization' },
          line: 4,
          column: 97,
          endLine: 4,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const headers = new Headers([['Authorization', 'Bearer token']]);
headers.set('Content-Type', 'application/json');
const request = new Request('https://api.example.com/items', { method: 'POST', headers });
`,
            },
          ],
        },
        {
          messageId: 'droppedHeader',
          data: { header: 'Content-Type' },
          line: 4,
          column: 97,
          endLine: 4,
          endColumn: 104,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const headers = new Headers([['Authorization', 'Bearer token']]);
headers.set('Content-Type', 'application/json');
const request = new Request('https://api.example.com/items', { method: 'POST', headers });
`,
            },
          ],
        },
      ],
    },
    {
      // Options given to fetch() override the Request's; the method is reported once, where it is written.
      code: `
const request = new Request('https://api.example.com/items/1', { mode: 'no-cors' });
fetch(request, { method: 'PATCH' }).then(function (response) { return response.type; });
`,
      errors: [
        {
          messageId: 'unsupportedMethod',
          data: { method: 'PATCH' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const request = new Request('https://api.example.com/items/1', {});
fetch(request, { method: 'PATCH' }).then(function (response) { return response.type; });
`,
            },
          ],
        },
      ],
    },
    {
      // A stream body, with options in a constant.
      code: `
const options = { mode: 'no-cors', method: 'POST', body: new ReadableStream(), duplex: 'half' };
self.fetch('https://upload.example.com/', options);
`,
      errors: [
        {
          messageId: 'streamBody',
          data: {},
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const options = { method: 'POST', body: new ReadableStream(), duplex: 'half' };
self.fetch('https://upload.example.com/', options);
`,
            },
          ],
        },
      ],
    },
    {
      // Options that no fetch in this file takes (posted to a worker that fetches): mode: 'no-cors' makes them a
      // RequestInit. The headers were built beforehand, so the report is where this request takes them.
      code: `
function queuePage(worker, url, title) {
  const headers = { 'X-Page-Title': title };
  worker.postMessage({ url, options: { headers, mode: 'no-cors', cache: 'no-store' } });
}
`,
      errors: [
        {
          messageId: 'droppedHeader',
          data: { header: 'X-Page-Title' },
          line: 4,
          column: 40,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
function queuePage(worker, url, title) {
  const headers = { 'X-Page-Title': title };
  worker.postMessage({ url, options: { headers, cache: 'no-store' } });
}
`,
            },
          ],
        },
      ],
    },
    {
      // A headers constant the CORS request above uses rightly: the report is at the no-cors request's headers option.
      code: `
const JSON_HEADERS = { 'Content-Type': 'application/json' };
fetch('https://api.example.com/items', { method: 'POST', headers: JSON_HEADERS, body: '{}' });
fetch('https://stats.example.com/hit', { method: 'POST', mode: 'no-cors', headers: JSON_HEADERS, body: '{}' });
`,
      errors: [
        {
          messageId: 'droppedHeader',
          data: { header: 'Content-Type' },
          line: 4,
          column: 75,
          endLine: 4,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const JSON_HEADERS = { 'Content-Type': 'application/json' };
fetch('https://api.example.com/items', { method: 'POST', headers: JSON_HEADERS, body: '{}' });
fetch('https://stats.example.com/hit', { method: 'POST', headers: JSON_HEADERS, body: '{}' });
`,
            },
          ],
        },
      ],
    },
    {
      // Options merged with lodash's merge() and Object.assign(): later sources win, as with spreads.
      code: `
import merge from 'lodash.merge';
const defaults = { credentials: 'include' };
function save(body, options) {
  return fetch('https://api.example.com/items/1', merge({}, defaults, { method: 'PUT', mode: 'no-cors', body }, options));
}
fetch('https://stats.example.com/hit', Object.assign({ mode: 'no-cors' }, { headers: { Authorization: 'Bearer x' } }));
`,
      errors: [
        {
          messageId: 'unsupportedMethod',
          data: { method: 'PUT' },
          line: 5,
          column: 81,
          endLine: 5,
          endColumn: 86,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
import merge from 'lodash.merge';
const defaults = { credentials: 'include' };
function save(body, options) {
  return fetch('https://api.example.com/items/1', merge({}, defaults, { method: 'PUT', body }, options));
}
fetch('https://stats.example.com/hit', Object.assign({ mode: 'no-cors' }, { headers: { Authorization: 'Bearer x' } }));
`,
            },
          ],
        },
        {
          messageId: 'droppedHeader',
          data: { header: 'Authorization' },
          line: 7,
          column: 88,
          endLine: 7,
          endColumn: 113,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
import merge from 'lodash.merge';
const defaults = { credentials: 'include' };
function save(body, options) {
  return fetch('https://api.example.com/items/1', merge({}, defaults, { method: 'PUT', mode: 'no-cors', body }, options));
}
fetch('https://stats.example.com/hit', Object.assign({}, { headers: { Authorization: 'Bearer x' } }));
`,
            },
          ],
        },
      ],
    },
    {
      // ky's json option makes it write Content-Type: application/json, which no-cors drops.
      code: `
import ky from 'ky';
await ky.post('https://api.example.com/events', { mode: 'no-cors', json: { event: 'click' } });
`,
      errors: [
        {
          messageId: 'droppedHeader',
          data: { header: 'Content-Type' },
          line: 3,
          column: 68,
          endLine: 3,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
import ky from 'ky';
await ky.post('https://api.example.com/events', { json: { event: 'click' } });
`,
            },
          ],
        },
      ],
    },
  ],
});
