import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-allowed-request-headers.js';
import { CLEAN_PROJECT, clientFile, projectSettings } from '../helpers/project-fixture.js';

const ruleTester = new RuleTester();
const inProject = { filename: clientFile(), settings: projectSettings() };

ruleTester.run('require-allowed-request-headers', rule, {
  valid: [
    // Content-Type is listed; a safelisted value needs no allowance at all.
    {
      code: "fetch('http://localhost:3000/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' } });",
      ...inProject,
    },
    {
      code: "fetch('http://localhost:3000/api/orders', { method: 'POST', headers: { 'Content-Type': 'text/plain' } });",
      ...inProject,
    },
    // The route-level cors() of /account/profile reflects any requested header (no allowedHeaders).
    {
      code: "fetch('http://localhost:3000/account/profile', { headers: { 'X-Api-Key': 'k' } });",
      ...inProject,
    },
    // Same-origin through the dev proxy.
    { code: "fetch('/api/orders', { headers: { Authorization: 'Bearer t' } });", ...inProject },
    {
      code: "fetch('http://localhost:3000/api/orders', { headers: { Authorization: 'Bearer t' } });",
      filename: clientFile(CLEAN_PROJECT),
      settings: projectSettings(CLEAN_PROJECT),
    },
  ],
  invalid: [
    {
      code: "fetch('http://localhost:3000/api/orders', { headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' } });",
      ...inProject,
      errors: [
        {
          messageId: 'headerNotAllowed',
          data: { header: 'Authorization', server: 'apps/api/server.js:9' },
          line: 1,
          column: 92,
          endColumn: 117,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { header: 'Authorization' },
              output:
                "fetch('http://localhost:3000/api/orders', { headers: { 'Content-Type': 'application/json' } });",
            },
          ],
        },
      ],
    },
  ],
});
