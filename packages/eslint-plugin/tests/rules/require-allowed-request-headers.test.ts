import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-allowed-request-headers.js';
import {
  CLEAN_NGINX_PROJECT,
  CLEAN_PROJECT,
  NGINX_PROJECT,
  clientFile,
  projectSettings,
} from '../helpers/project-fixture.js';

const ruleTester = new RuleTester();
const inProject = { filename: clientFile(), settings: projectSettings() };
const behindNginx = (root: string) => ({
  filename: clientFile(root),
  settings: projectSettings(root),
});

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
    // nginx's OPTIONS branch lists Authorization in the clean twin.
    {
      code: "fetch('http://localhost:8080/api/orders', { method: 'POST', headers: { Authorization: 'Bearer t' } });",
      ...behindNginx(CLEAN_NGINX_PROJECT),
    },
    // The /account/ location passes the request to the API, whose cors() reflects any requested header.
    {
      code: "fetch('http://localhost:8080/account/profile', { headers: { Authorization: 'Bearer t' } });",
      ...behindNginx(NGINX_PROJECT),
    },
    // nginx's `location /` adds no CORS and passes nothing on: no policy to check against.
    {
      code: "fetch('http://localhost:8080/index.html', { headers: { Authorization: 'Bearer t' } });",
      ...behindNginx(NGINX_PROJECT),
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
    // nginx answers the preflight from its `if ($request_method = OPTIONS)` branch, whose list lacks Authorization.
    {
      code: "fetch('http://localhost:8080/api/orders', { method: 'POST', headers: { Authorization: 'Bearer t' } });",
      ...behindNginx(NGINX_PROJECT),
      errors: [
        {
          messageId: 'headerNotAllowed',
          data: { header: 'Authorization', server: 'deploy/nginx.conf:10' },
          line: 1,
          column: 72,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'removeHeader',
              data: { header: 'Authorization' },
              output: "fetch('http://localhost:8080/api/orders', { method: 'POST', headers: {} });",
            },
          ],
        },
      ],
    },
  ],
});
