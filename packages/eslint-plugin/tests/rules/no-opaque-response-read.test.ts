import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-opaque-response-read.js';

const ruleTester = new RuleTester();

ruleTester.run('no-opaque-response-read', rule, {
  valid: [
    // Reading `type` is how code tells an opaque response apart.
    `
fetch('https://api.example.com/ping', { mode: 'no-cors' }).then((res) => console.log(res.type));
`,
    // Fire and forget: nothing is read.
    `
navigator.sendBeacon ?? fetch('https://stats.example.com/hit', { mode: 'no-cors', method: 'POST', body: 'x' });
`,
    // A relative URL is same-origin: the response is a basic one.
    `
const res = await fetch('/api/items', { mode: 'no-cors' });
const items = await res.json();
`,
    // A CORS request (no mode) can read what the server exposes.
    `
const res = await fetch('https://api.example.com/items');
const items = await res.json();
`,
    // URL not known: no report.
    `
async function load(url) {
  const res = await fetch(url, { mode: 'no-cors' });
  return res.json();
}
`,
    // Mode not known.
    `
async function load(mode) {
  const res = await fetch('https://api.example.com/items', { mode });
  return res.status;
}
`,
    // Neither clone() nor a name that is not a Response member reads what the server sent.
    `
const res = await fetch('https://api.example.com/items', { mode: 'no-cors' });
cache.put('/items', res.clone());
console.log(res.data);
`,
    // The app's own origin, from the option or from the shared setting: a same-origin response is readable.
    {
      code: `
const res = await fetch('https://app.example.com/api/items', { mode: 'no-cors' });
const items = await res.json();
`,
      options: [{ appOrigins: ['https://app.example.com'] }],
    },
    {
      code: `
const res = await fetch('https://app.example.com/api/items', { mode: 'no-cors' });
const items = await res.json();
`,
      settings: { cors: { appOrigins: ['https://app.example.com'] } },
    },
    {
      // A URL that is just an origin names that origin, in any case, with its default port.
      code: `
const res = await fetch('https://app.example.com/api/items', { mode: 'no-cors' });
const items = await res.json();
`,
      settings: { cors: { appOrigins: ['HTTPS://App.Example.com:443/'] } },
    },
    // A service worker hands the opaque response on, to respondWith() or a cache, and a helper's caller in
    // another file is not followed: nothing here reads it.
    `
const CDN = 'https://cdn.example.com';
async function fromCdn(path) {
  return fetch(\`\${CDN}/\${path}\`, { mode: 'no-cors' });
}
self.addEventListener('fetch', (event) => {
  event.respondWith(fromCdn('logo.png'));
});
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open('v1').then(async (cache) => cache.put('/logo.png', await fromCdn('logo.png'))));
});
export const ping = () => fetch(\`\${CDN}/ping\`, { mode: 'no-cors' });
`,
    // A local function named fetch is not the browser's.
    `
function fetch(url, options) { return { status: 200 }; }
const res = fetch('https://api.example.com/items', { mode: 'no-cors' });
console.log(res.status);
`,
  ],
  invalid: [
    {
      // Checked against the real ky 1.x: an opaque response (status 0) is not ok, so the call rejects.
      code: `
import ky from 'ky';
const status = await ky('https://api.example.com/health', { mode: 'no-cors' }).json();
`,
      errors: [
        {
          messageId: 'kyRejectsOpaque',
          line: 3,
          column: 61,
          endLine: 3,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
import ky from 'ky';
const status = await ky('https://api.example.com/health', {}).json();
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const API = 'https://api.example.com';
async function load() {
  const res = await fetch(\`\${API}/items\`, { mode: 'no-cors' });
  return res.json();
}
`,
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: {
            member: 'json',
            sees: 'a promise rejected with a SyntaxError (the body is empty)',
          },
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const API = 'https://api.example.com';
async function load() {
  const res = await fetch(\`\${API}/items\`, {});
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      // A helper returns the response (or its promise): its callers in this file read it. Options merged with Object.assign().
      code: `
const API = 'https://api.example.com';
async function getItems() {
  const res = await fetch(\`\${API}/items\`, { mode: 'no-cors' });
  return res;
}
const getHealth = () => fetch(\`\${API}/health\`, Object.assign({}, { mode: 'no-cors' }));
const items = await (await getItems()).json();
getHealth().then((response) => console.log(response.ok));
`,
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: {
            member: 'json',
            sees: 'a promise rejected with a SyntaxError (the body is empty)',
          },
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const API = 'https://api.example.com';
async function getItems() {
  const res = await fetch(\`\${API}/items\`, {});
  return res;
}
const getHealth = () => fetch(\`\${API}/health\`, Object.assign({}, { mode: 'no-cors' }));
const items = await (await getItems()).json();
getHealth().then((response) => console.log(response.ok));
`,
            },
          ],
        },
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'ok', sees: 'false' },
          line: 9,
          column: 44,
          endLine: 9,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const API = 'https://api.example.com';
async function getItems() {
  const res = await fetch(\`\${API}/items\`, { mode: 'no-cors' });
  return res;
}
const getHealth = () => fetch(\`\${API}/health\`, Object.assign({}, {}));
const items = await (await getItems()).json();
getHealth().then((response) => console.log(response.ok));
`,
            },
          ],
        },
      ],
    },
    {
      // Through .then, and window.fetch.
      code: `
window.fetch('https://api.example.com/items', { mode: 'no-cors' }).then((response) => {
  if (!response.ok) throw new Error(response.status);
});
`,
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'ok', sees: 'false' },
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
window.fetch('https://api.example.com/items', {}).then((response) => {
  if (!response.ok) throw new Error(response.status);
});
`,
            },
          ],
        },
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'status', sees: '0' },
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
window.fetch('https://api.example.com/items', {}).then((response) => {
  if (!response.ok) throw new Error(response.status);
});
`,
            },
          ],
        },
      ],
    },
    {
      // A Request object fetched later, a promise variable, and a destructured read.
      code: `
const request = new Request('https://api.example.com/items', { mode: 'no-cors', cache: 'no-store' });
const pending = globalThis.fetch(request);
const { headers } = await pending;
`,
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'headers', sees: 'an empty Headers object' },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const request = new Request('https://api.example.com/items', { cache: 'no-store' });
const pending = globalThis.fetch(request);
const { headers } = await pending;
`,
            },
          ],
        },
      ],
    },
    {
      // The option overrides the setting; a setting entry that is not an origin is skipped.
      code: `
const res = await fetch('https://app.example.com/api/items', { mode: 'no-cors' });
console.log(res.status);
`,
      options: [{ appOrigins: ['https://admin.example.com'] }],
      settings: { cors: { appOrigins: ['https://app.example.com'] } },
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'status', sees: '0' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const res = await fetch('https://app.example.com/api/items', {});
console.log(res.status);
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const res = await fetch('https://app.example.com/api/items', { mode: 'no-cors' });
console.log(res.status);
`,
      settings: { cors: { appOrigins: ['https://app.example.com/shop'] } },
      errors: [
        {
          messageId: 'opaqueResponseRead',
          data: { member: 'status', sees: '0' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'removeNoCors',
              output: `
const res = await fetch('https://app.example.com/api/items', {});
console.log(res.status);
`,
            },
          ],
        },
      ],
    },
  ],
});
