import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-accidental-preflight.js';

const ruleTester = new RuleTester();

const APP = { cors: { appOrigins: ['https://api.example.com'] } };

ruleTester.run('no-accidental-preflight', rule, {
  valid: [
    // A relative URL is same-origin: no preflight, whatever the headers.
    `
fetch('/api/items', { headers: { 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' } });
`,
    // A JSON API call preflights on purpose: reported only with \`all\`.
    `
fetch('https://api.example.com/items', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'a' }) });
`,
    // Authorization is the point of the request: only with \`all\`.
    `
fetch('https://api.example.com/me', { headers: { Authorization: 'Bearer ' + token } });
`,
    // A safelisted Content-Type does not preflight.
    `
fetch('https://api.example.com/items', { headers: { 'Content-Type': 'text/plain;charset=UTF-8' } });
`,
    // no-cors never preflights (no-invalid-no-cors-request reports the dropped header).
    `
fetch('https://stats.example.com/hit', { mode: 'no-cors', method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: 'x' });
`,
    // A mode that cannot be read may be no-cors; a URL that cannot be read may be same-origin.
    `
fetch('https://api.example.com/items', { mode, headers: { 'X-Requested-With': 'XMLHttpRequest' } });
fetch(url, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
`,
    // A Content-Type whose value cannot be read may be safelisted.
    `
fetch('https://api.example.com/items', { headers: { 'Content-Type': type } });
`,
    // The app's own origin, from the option or from the shared setting.
    {
      code: `
fetch('https://api.example.com/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
`,
      options: [{ appOrigins: ['https://api.example.com'] }],
    },
    {
      code: `
fetch('https://api.example.com:443/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
`,
      settings: APP,
    },
    // A simple request never preflights, even with \`all\`.
    {
      code: `
fetch('https://api.example.com/upload', { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json', 'Content-Language': 'en' } });
`,
      options: [{ all: true }],
    },
    // Code that runs only on a server or in a test sends no CORS request (no browser): nothing to report.
    `
import { readFile } from 'node:fs/promises';
const res = await fetch('https://api.example.com/items', { headers: { 'Content-Type': 'application/json' } });
`,
    {
      code: `
const res = await fetch('https://api.example.com/items', { headers: { 'Content-Type': 'application/json' } });
`,
      filename: 'src/app/api/items/route.ts',
    },
    {
      code: `
const res = await fetch('https://api.example.com/items', { headers: { 'Content-Type': 'application/json' } });
`,
      filename: 'src/items.test.ts',
    },
  ],
  invalid: [
    {
      // settings.cors.runtime says where a file runs when its imports would say otherwise (a universal module).
      code: `
import { readFile } from 'node:fs/promises';
const res = await fetch('https://api.example.com/items', { headers: { 'Content-Type': 'application/json' } });
`,
      settings: { cors: { runtime: 'browser' } },
      errors: [
        {
          messageId: 'contentTypeWithoutBody',
          line: 3,
          column: 71,
          endLine: 3,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { name: 'Content-Type' },
              output: `
import { readFile } from 'node:fs/promises';
const res = await fetch('https://api.example.com/items', { headers: {} });
`,
            },
          ],
        },
      ],
    },
    {
      // A Content-Type on a GET, which sends no body.
      code: `
const API = 'https://api.example.com';
const res = await fetch(\`\${API}/items\`, {
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
});
`,
      errors: [
        {
          messageId: 'contentTypeWithoutBody',
          data: { method: 'GET', value: 'application/json', header: 'content-type' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { name: 'Content-Type' },
              output: `
const API = 'https://api.example.com';
const res = await fetch(\`\${API}/items\`, {
  headers: { Accept: 'application/json' },
});
`,
            },
          ],
        },
      ],
    },
    {
      // X-Requested-With set on a Headers object that a Request carries.
      code: `
const headers = new Headers();
headers.set('X-Requested-With', 'XMLHttpRequest');
const request = new Request('https://api.example.com/items', { headers });
fetch(request);
`,
      errors: [
        {
          messageId: 'requestedWith',
          data: { name: 'X-Requested-With', header: 'x-requested-with' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { name: 'X-Requested-With' },
              output: `
const headers = new Headers();
const request = new Request('https://api.example.com/items', { headers });
fetch(request);
`,
            },
          ],
        },
      ],
    },
    {
      // A shared JSON header constant on a FormData upload: one report for the one write, though two requests use it.
      code: `
const JSON_HEADERS = { 'Content-Type': 'application/json' };
export const upload = (form) => fetch('https://files.example.com/upload', { method: 'POST', headers: JSON_HEADERS, body: new FormData(form) });
export const search = (q) => fetch('https://files.example.com/search', { method: 'POST', headers: JSON_HEADERS, body: new URLSearchParams({ q }) });
`,
      errors: [
        {
          messageId: 'contentTypeReplacesBodyType',
          data: {
            body: 'FormData',
            sent: 'multipart/form-data with the boundary that separates the parts',
            value: 'application/json',
            header: 'content-type',
          },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { name: 'Content-Type' },
              output: `
const JSON_HEADERS = {};
export const upload = (form) => fetch('https://files.example.com/upload', { method: 'POST', headers: JSON_HEADERS, body: new FormData(form) });
export const search = (q) => fetch('https://files.example.com/search', { method: 'POST', headers: JSON_HEADERS, body: new URLSearchParams({ q }) });
`,
            },
          ],
        },
      ],
    },
    {
      // Text sent as text/csv: text/plain carries the same string without a preflight.
      code: `
fetch('https://api.example.com/import', { method: 'POST', headers: [['Content-Type', "text/csv"]], body: \`\${columns}\\n\${rows}\` });
`,
      errors: [
        {
          messageId: 'unsafeTextType',
          data: { value: 'text/csv', why: '', header: 'content-type' },
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useTextPlain',
              output: `
fetch('https://api.example.com/import', { method: 'POST', headers: [['Content-Type', "text/plain"]], body: \`\${columns}\\n\${rows}\` });
`,
            },
          ],
        },
      ],
    },
    {
      // \`all\`: every trigger, each where it is written.
      code: `
fetch('https://api.example.com/items/1', {
  method: 'PUT',
  headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json' },
  body: JSON.stringify(item),
});
`,
      options: [{ all: true }],
      errors: [
        {
          messageId: 'preflightMethod',
          data: { method: 'PUT' },
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 16,
          suggestions: [],
        },
        {
          messageId: 'preflightHeader',
          data: { name: 'Authorization', header: 'authorization' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 46,
          suggestions: [],
        },
        {
          messageId: 'preflightContentType',
          data: { value: 'application/json', header: 'content-type' },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 82,
          suggestions: [],
        },
      ],
    },
    {
      // The option overrides the setting: the setting's origin is cross-origin for this rule.
      code: `
fetch('https://api.example.com/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
`,
      options: [{ appOrigins: ['https://app.example.com'] }],
      settings: APP,
      errors: [
        {
          messageId: 'requestedWith',
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'removeHeader',
              output: `
fetch('https://api.example.com/items', { headers: {} });
`,
            },
          ],
        },
      ],
    },
    {
      // Another origin than the app's, and setting entries that are not origins are skipped.
      code: `
fetch('https://cdn.example.com/items', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
`,
      settings: {
        cors: { appOrigins: ['https://api.example.com', 'https://cdn.example.com/assets', 42] },
      },
      errors: [
        {
          messageId: 'requestedWith',
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 89,
          suggestions: [
            {
              messageId: 'removeHeader',
              output: `
fetch('https://cdn.example.com/items', { headers: {} });
`,
            },
          ],
        },
      ],
    },
  ],
});
