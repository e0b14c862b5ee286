/**
 * A Next.js route module whose method handlers are made in another file: a factory of another
 * workspace package (resolved to its source through package.json `main`/`exports`), a relative
 * helper, or a handler re-exported as is. The CORS headers those set decide the preflight; the message
 * names where (from the project root), and no fix is offered, since the headers live in the other file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-preflight-handler.js';

const ruleTester = new RuleTester();
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** A route module of the pnpm workspace in tests/fixtures/workspace-route (packages/kit is `@kit/server`). */
const PNPM_ROUTE = path.join(
  fixtures,
  'workspace-route',
  'apps',
  'web',
  'app',
  'api',
  'items',
  'route.ts',
);
/** A route module of the npm workspace in tests/fixtures/npm-workspace (libs/auth is `auth-lib`). */
const NPM_ROUTE = path.join(fixtures, 'npm-workspace', 'app', 'api', 'login', 'route.ts');

ruleTester.run('require-preflight-handler (handlers from other files)', rule, {
  valid: [
    // The route exports OPTIONS too: the handler answers the preflight with its headers.
    {
      code: `
import { createHandler } from '@kit/server';
const handler = createHandler('https://app.example.com');
export { handler as GET, handler as POST, handler as OPTIONS };
`,
      filename: PNPM_ROUTE,
    },
    // Only Access-Control-Allow-Origin: a GET is a simple request, no preflight.
    {
      code: `
import { createSimpleHandler } from '@kit/server';
export const GET = createSimpleHandler('https://app.example.com');
`,
      filename: PNPM_ROUTE,
    },
    // A builder whose last method sets no CORS headers: nothing is known to need a preflight.
    {
      code: `
import { kit } from '../../../lib/kit';
export const POST = kit.route('/items').auth().plain(async () => new Response('ok'));
`,
      filename: PNPM_ROUTE,
    },
    // The builder's handler, with OPTIONS exported too.
    {
      code: `
import { kit } from '../../../lib/kit';
export const POST = kit.route('/items').handler(async () => new Response('ok'));
export const OPTIONS = POST;
`,
      filename: PNPM_ROUTE,
    },
    // A package that is not in the workspace (it would be in node_modules): unknown, no report.
    {
      code: `
import { createHandler } from '@vendor/next-kit';
const handler = createHandler('https://app.example.com');
export { handler as GET, handler as POST };
`,
      filename: PNPM_ROUTE,
    },
    // An export the package does not have: unknown.
    {
      code: `
import { createMissing } from '@kit/server';
const handler = createMissing();
export { handler as POST };
`,
      filename: PNPM_ROUTE,
    },
    // Not a route module (the file name makes it one): Next.js does not dispatch its exports.
    {
      code: `
import { createHandler } from '@kit/server';
const handler = createHandler('https://app.example.com');
export { handler as POST };
`,
      filename: path.join(path.dirname(PNPM_ROUTE), 'handlers.ts'),
    },
  ],
  invalid: [
    {
      // A builder chain: `kit` is made by another package's factory, `route` returns a RouteBuilder,
      // `auth` returns `this`, and `handler` wraps the response in a helper that copies a CORS
      // constant entry by entry, whose Allow-Headers lists Content-Type before an interpolation.
      code: `
import { kit } from '../../../lib/kit';
export const POST = kit.route('/items').auth().handler(async () => new Response('ok'));
`,
      filename: PNPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'POST', where: 'packages/kit/src/route-builder.ts:2' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      // A factory of another workspace package, through its main entry and an `export *`.
      code: `
import { createHandler } from '@kit/server';
const handler = createHandler('https://app.example.com');
export { handler as GET, handler as POST };
`,
      filename: PNPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'GET', where: 'packages/kit/src/handlers.ts:5' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      // `export const POST = factory(…)`.
      code: `
import { createHandler } from '@kit/server';
export const POST = createHandler('https://app.example.com');
`,
      filename: PNPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'POST', where: 'packages/kit/src/handlers.ts:5' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
    {
      // A handler re-exported as is from the package: its own headers ask for X-Api-Key.
      code: `export { keyedHandler as GET } from '@kit/server';
`,
      filename: PNPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'GET', where: 'packages/kit/src/handlers.ts:20' },
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      // A relative helper of the app: an arrow factory returning the handler.
      code: `
import { makeHandler } from '../../../lib/handler';
export const DELETE = makeHandler('https://app.example.com');
`,
      filename: PNPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'DELETE', where: 'apps/web/lib/handler.ts:3' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      // An npm/yarn workspace (package.json `workspaces`), the entry from the `source` export condition.
      code: `
import { loginHandler } from 'auth-lib';
export const POST = loginHandler();
`,
      filename: NPM_ROUTE,
      errors: [
        {
          messageId: 'routeModuleHandlerElsewhere',
          data: { method: 'POST', where: 'libs/auth/src/main.ts:3' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
  ],
});
