import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-allowed-method.js';
import {
  CLEAN_PROJECT,
  CLEAN_UPSTREAM_PROJECT,
  clientFile,
  projectSettings,
  UPSTREAM_PROJECT,
} from '../helpers/project-fixture.js';

/** An oracle scenario: nginx (`limit_except GET POST`, headers with `always`) in front of an Express app. */
const LIMIT_EXCEPT_SCENARIO = fileURLToPath(
  new URL('../../../../test-fixtures/nginx-scenarios/project-nginx-limit-except/', import.meta.url),
);

const ruleTester = new RuleTester();
const inProject = { filename: clientFile(), settings: projectSettings() };
/** A client of the sample with nginx in front (deploy/nginx.conf: /drafts/ has a limit_except). */
const behindNginx = (root: string) => ({
  filename: clientFile(root),
  settings: projectSettings(root),
});

ruleTester.run('require-allowed-method', rule, {
  valid: [
    // `limit_except GET PUT OPTIONS`: the location's `if` answers the preflight, with PUT allowed.
    {
      code: "fetch('http://localhost:8080/drafts/1', { method: 'PUT' });",
      ...behindNginx(CLEAN_UPSTREAM_PROJECT),
    },
    { code: "fetch('http://localhost:3000/api/orders', { method: 'POST' });", ...inProject },
    // A PUT to a path no rule of the server covers (outside its /api mount): not judged.
    { code: "fetch('http://localhost:3000/metrics', { method: 'PUT' });", ...inProject },
    // A GET to a route registered for PUT only: no rule answers GET there, so it is not judged.
    {
      code: "fetch('http://localhost:3000/account/profile', { headers: { 'X-Api-Key': 'k' } });",
      ...inProject,
    },
    // A simple request to the route whose preflight nothing answers needs no preflight.
    { code: "fetch('http://localhost:3000/account/profile', { method: 'POST' });", ...inProject },
    {
      code: "fetch('http://localhost:3000/api/orders/7', { method: 'DELETE' });",
      filename: clientFile(CLEAN_PROJECT),
      settings: projectSettings(CLEAN_PROJECT),
    },
    {
      code: "fetch('http://localhost:3000/account/profile', { method: 'PUT' });",
      filename: clientFile(CLEAN_PROJECT),
      settings: projectSettings(CLEAN_PROJECT),
    },
  ],
  invalid: [
    // Every rule that may answer /api/orders/7 (the /api mount's cors()) leaves DELETE out.
    {
      code: "fetch('http://localhost:3000/api/orders/7', { method: 'DELETE' });",
      ...inProject,
      errors: [
        {
          messageId: 'methodNotAllowed',
          data: { method: 'DELETE', allowed: 'GET, POST', server: 'apps/api/server.js:9' },
          line: 1,
          column: 55,
          endColumn: 63,
        },
      ],
    },
    // Only the PUT runs the route-level cors(): Express answers the preflight itself, without CORS headers.
    {
      code: "fetch('http://localhost:3000/account/profile', { method: 'PUT', body: '{}' });",
      ...inProject,
      errors: [
        {
          messageId: 'preflightNotAnswered',
          data: { method: 'PUT', server: 'apps/api/server.js:25' },
          line: 1,
          column: 58,
          endColumn: 63,
        },
      ],
    },
    {
      // `limit_except GET { deny all; }`: nginx refuses the OPTIONS preflight with 403 before the
      // location's `if ($request_method = OPTIONS) { return 204; }` can run (checked on nginx 1.22),
      // and its `add_header … always` puts Access-Control-Allow-Origin on the 403.
      code: "fetch('http://localhost:8080/drafts/1', { method: 'PUT' });",
      ...behindNginx(UPSTREAM_PROJECT),
      errors: [
        {
          messageId: 'preflightRefused',
          data: { method: 'PUT', status: '403', server: 'deploy/nginx.conf:31' },
          line: 1,
          column: 51,
          endColumn: 56,
        },
      ],
    },
    {
      // The same location: a JSON POST preflights for its Content-Type alone, and limit_except GET
      // refuses the POST too, so removing the header would not make it pass.
      code: "fetch('http://localhost:8080/drafts/1', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });",
      ...behindNginx(UPSTREAM_PROJECT),
      errors: [
        {
          messageId: 'preflightRefused',
          data: { method: 'POST', status: '403', server: 'deploy/nginx.conf:31' },
          line: 1,
          column: 70,
          endColumn: 104,
          suggestions: [],
        },
      ],
    },
    {
      // nginx in front of the orders API (the oracle's scenario, checked in Chromium): `limit_except
      // GET POST { deny all; }` lets the POST through but refuses its preflight with 403 and CORS headers.
      code: "fetch('http://api.example.test/api/orders', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });",
      filename: path.join(LIMIT_EXCEPT_SCENARIO, 'client.js'),
      settings: projectSettings(LIMIT_EXCEPT_SCENARIO),
      errors: [
        {
          messageId: 'preflightRefused',
          data: { method: 'POST', status: '403', server: 'nginx.conf:7' },
          line: 1,
          column: 74,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'removePreflightHeader',
              data: { header: 'Content-Type' },
              output:
                "fetch('http://api.example.test/api/orders', { method: 'POST', headers: {}, body: '{}' });",
            },
          ],
        },
      ],
    },
  ],
});
