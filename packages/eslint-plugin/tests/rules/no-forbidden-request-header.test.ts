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
  ],
  invalid: [
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
      errors: [{ messageId: 'forbiddenHeader', data: { header: 'Origin' }, line: 4, column: 5, endLine: 4, endColumn: 38 }],
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
        { messageId: 'forbiddenHeader', data: { header: 'Sec-Fetch-Site' }, line: 2, column: 31, endLine: 2, endColumn: 55 },
        { messageId: 'responseHeaderOnRequest', data: { header: 'Access-Control-Allow-Origin' }, line: 3, column: 1, endLine: 3, endColumn: 51 },
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
        { messageId: 'forbiddenHeader', data: { header: 'Cookie' }, line: 2, column: 43, endLine: 2, endColumn: 66 },
        { messageId: 'forbiddenHeader', data: { header: 'x-http-method-override' }, line: 2, column: 68, endLine: 2, endColumn: 103 },
      ],
    },
  ],
});
