import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/client-credentials-need-server-credentials.js';
import { CLEAN_PROJECT, clientFile, projectSettings } from '../helpers/project-fixture.js';

const ruleTester = new RuleTester();
const inProject = { filename: clientFile(), settings: projectSettings() };

ruleTester.run('client-credentials-need-server-credentials', rule, {
  valid: [
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
  ],
});
