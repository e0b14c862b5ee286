import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-forbidden-request-header.js';

const ruleTester = new RuleTester();

ruleTester.run('no-forbidden-request-header', rule, {
  valid: [
    `
fetch('https://api.example.com/items', { headers: { Authorization: 'Bearer x', 'Content-Type': 'application/json' } });
`,
    // Header names not known statically.
    `
function send(name) {
  return fetch('/api', { headers: { [name]: 'x' } });
}
`,
    // A method override is forbidden only with a forbidden method.
    `
fetch('/api', { method: 'POST', headers: { 'X-HTTP-Method-Override': 'PATCH' } });
`,
    // Response headers set on a server response are not requests.
    `
res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
`,
    // axios, XHR and ky with ordinary headers.
    `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com', headers: { Authorization: 'Bearer t' } });
api.post('/items', { name: 'x' });
`,
    `
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://api.example.com/items');
xhr.setRequestHeader('X-Request-Id', '1');
xhr.send();
`,
    // A local object with a setRequestHeader method is not an XMLHttpRequest.
    `
const xhr = makeTransport();
xhr.open('GET', '/items');
xhr.setRequestHeader('Cookie', 'a=1');
`,
  ],
  invalid: [
    // A value that runs code is not deleted by --fix: `track()` would no longer run. The removal is a suggestion.
    {
      code: `
fetch('https://api.example.com/items', { headers: { Cookie: track(), 'X-Request-Id': id } });
`,
      output: null,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Cookie' },
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'removeRequestHeader',
              data: { header: 'Cookie' },
              output: `
fetch('https://api.example.com/items', { headers: { 'X-Request-Id': id } });
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://api.example.com/items');
xhr.setRequestHeader('Cookie', await sessionCookie());
xhr.setRequestHeader('Access-Control-Allow-Origin', '*');
xhr.send();
`,
      output: `
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://api.example.com/items');
xhr.setRequestHeader('Cookie', await sessionCookie());
xhr.send();
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Cookie' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'removeRequestHeader',
              data: { header: 'Cookie' },
              output: `
const xhr = new XMLHttpRequest();
xhr.open('GET', 'https://api.example.com/items');
xhr.setRequestHeader('Access-Control-Allow-Origin', '*');
xhr.send();
`,
            },
          ],
        },
        // A constant value: the autofix alone, no suggestion repeating it.
        {
          messageId: 'responseHeaderOnRequest',
          data: { header: 'Access-Control-Allow-Origin' },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    {
      code: `
fetch('https://api.example.com/items', {
  headers: {
    Origin: 'https://app.example.com',
    'Content-Type': 'application/json',
  },
});
`,
      output: `
fetch('https://api.example.com/items', {
  headers: {
    'Content-Type': 'application/json',
  },
});
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Origin' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 38,
        },
      ],
    },
    {
      code: `
const headers = new Headers({ 'Sec-Fetch-Site': 'none', 'X-Request-Id': id });
headers.append('Access-Control-Allow-Origin', '*');
new Request('/api/items', { headers });
`,
      output: `
const headers = new Headers({ 'X-Request-Id': id });
new Request('/api/items', { headers });
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Sec-Fetch-Site' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 55,
        },
        {
          messageId: 'responseHeaderOnRequest',
          data: { header: 'Access-Control-Allow-Origin' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 51,
        },
      ],
    },
    {
      code: `
fetch('/api', { method: 'POST', headers: [['Cookie', 'session=1'], ['x-http-method-override', 'TRACE']] });
`,
      // Adjacent removals overlap, so ESLint applies them in two passes.
      output: [
        `
fetch('/api', { method: 'POST', headers: [['x-http-method-override', 'TRACE']] });
`,
        `
fetch('/api', { method: 'POST', headers: [] });
`,
      ],
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Cookie' },
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 66,
        },
        {
          messageId: 'forbiddenHeader',
          data: { header: 'x-http-method-override' },
          line: 2,
          column: 68,
          endLine: 2,
          endColumn: 103,
        },
      ],
    },
    {
      code: `
import axios from 'axios';
axios.get('https://api.example.com/me', { headers: { Cookie: 'session=1', Accept: 'application/json' } });
`,
      output: `
import axios from 'axios';
axios.get('https://api.example.com/me', { headers: { Accept: 'application/json' } });
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Cookie' },
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 73,
        },
      ],
    },
    {
      // A default is reported once, where it is set, although two requests send it; the fix removes the assignment.
      code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
api.defaults.headers.common['Referer'] = 'https://app.example.com/';
api.get('/a');
api.get('/b');
`,
      output: `
import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
api.get('/a');
api.get('/b');
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Referer' },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 68,
        },
      ],
    },
    {
      code: `
import axios from 'axios';
const api = axios.create({ headers: { 'Access-Control-Allow-Origin': '*' } });
api.get('https://api.example.com/items');
`,
      output: `
import axios from 'axios';
const api = axios.create({ headers: {} });
api.get('https://api.example.com/items');
`,
      errors: [
        {
          messageId: 'responseHeaderOnRequest',
          data: { header: 'Access-Control-Allow-Origin' },
          line: 3,
          column: 39,
          endLine: 3,
          endColumn: 73,
        },
      ],
    },
    {
      code: `
function upload(file) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://files.example.com/upload');
  xhr.setRequestHeader('Origin', 'https://app.example.com');
  xhr.setRequestHeader('X-File-Name', file.name);
  xhr.send(file);
}
`,
      output: `
function upload(file) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://files.example.com/upload');
  xhr.setRequestHeader('X-File-Name', file.name);
  xhr.send(file);
}
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Origin' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 60,
        },
      ],
    },
    {
      code: `
import ky from 'ky';
await ky.post('https://api.example.com/items', { json: { a: 1 }, headers: { 'Content-Length': '7' } });
`,
      output: `
import ky from 'ky';
await ky.post('https://api.example.com/items', { json: { a: 1 }, headers: {} });
`,
      errors: [
        {
          messageId: 'forbiddenHeader',
          data: { header: 'Content-Length' },
          line: 3,
          column: 77,
          endLine: 3,
          endColumn: 98,
        },
      ],
    },
  ],
});
