import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/client-credentials-need-server-credentials.js';
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

ruleTester.run('client-credentials-need-server-credentials', rule, {
  valid: [
    // nginx passes /account/ to the API, whose cors() allows credentials in the clean twin.
    {
      code: "fetch('http://localhost:8080/account/profile', { credentials: 'include' });",
      ...behindNginx(CLEAN_NGINX_PROJECT),
    },
    // Without cookies the server's policy passes.
    { code: "fetch('http://localhost:3000/api/orders');", ...inProject },
    // Same-origin: a relative URL, and the dev proxy's path on the page's origin.
    { code: "fetch('/api/orders', { credentials: 'include' });", ...inProject },
    {
      code: "fetch('http://localhost:5173/api/orders', { credentials: 'include' });",
      ...inProject,
    },
    // The app's own origin (settings.cors.appOrigins).
    {
      code: "fetch('http://localhost:3000/api/orders', { credentials: 'include' });",
      filename: clientFile(),
      settings: { cors: { ...projectSettings().cors, appOrigins: ['http://localhost:3000'] } },
    },
    // A base URL from the environment: unknown, so not judged.
    {
      code: "fetch(`${import.meta.env.VITE_API}/api/orders`, { credentials: 'include' });",
      ...inProject,
    },
    // A path no route of the server serves, and another host no server of the project claims.
    { code: "fetch('http://localhost:3000/metrics', { credentials: 'include' });", ...inProject },
    { code: "fetch('https://api.github.com/user', { credentials: 'include' });", ...inProject },
    // The clean twin allows credentials.
    {
      code: "fetch('http://localhost:3000/api/orders', { credentials: 'include' });",
      filename: clientFile(CLEAN_PROJECT),
      settings: projectSettings(CLEAN_PROJECT),
    },
    // Without the project index turned on the rule is silent.
    {
      code: "fetch('http://localhost:3000/api/orders', { credentials: 'include' });",
      filename: clientFile(),
    },
  ],
  invalid: [
    {
      code: "const response = await fetch('http://localhost:3000/api/orders', { credentials: 'include' });",
      ...inProject,
      errors: [
        {
          messageId: 'credentialsNotAllowed',
          data: { server: 'apps/api/server.js:9' },
          line: 1,
          column: 68,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'omitCredentials',
              output: "const response = await fetch('http://localhost:3000/api/orders', {});",
            },
          ],
        },
      ],
    },
    // A template URL whose start names the server: the routes that can continue it are the candidates.
    {
      code: "function remove(id) { return fetch(`http://localhost:3000/api/orders/${id}`, { method: 'DELETE', credentials: 'include' }); }",
      ...inProject,
      errors: [
        {
          messageId: 'credentialsNotAllowed',
          line: 1,
          column: 98,
          suggestions: [
            {
              messageId: 'omitCredentials',
              output:
                "function remove(id) { return fetch(`http://localhost:3000/api/orders/${id}`, { method: 'DELETE' }); }",
            },
          ],
        },
      ],
    },
    // nginx adds no CORS to /account/ and passes it to the API: the API's cors() answers, and names its line.
    {
      code: "fetch('http://localhost:8080/account/profile', { credentials: 'include' });",
      ...behindNginx(NGINX_PROJECT),
      errors: [
        {
          messageId: 'credentialsNotAllowed',
          data: { server: 'apps/api/clean-server.js:17' },
          line: 1,
          column: 50,
          suggestions: [
            {
              messageId: 'omitCredentials',
              output: "fetch('http://localhost:8080/account/profile', {});",
            },
          ],
        },
      ],
    },
  ],
});
