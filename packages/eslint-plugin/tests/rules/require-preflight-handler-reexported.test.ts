/**
 * The reverse of a route module's missing OPTIONS export, through the project index: linting the file
 * that makes the handler, the rule reports at its CORS header write when a Next.js route module of the
 * project exports that handler for a method that needs a preflight and exports no OPTIONS, and the
 * handler never compares the method with OPTIONS itself (then the route module's own finding says it all).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-preflight-handler.js';

const ruleTester = new RuleTester();
const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'test-fixtures',
);
const REEXPORT = path.join(fixtures, 'project-next-reexport');
const CLEAN_REEXPORT = path.join(fixtures, 'project-next-reexport-clean');
const WORKSPACE = path.join(fixtures, 'project-next-workspace');
const handlerFile = (root: string) => path.join(root, 'src', 'lib', 'preview-handler.ts');
const CMS_HANDLER = path.join(
  WORKSPACE,
  'packages',
  'cms-kit',
  'src',
  'next',
  'clean-cms-handler.ts',
);
const textOf = (file: string) => fs.readFileSync(file, 'utf8');
const on = (root: string) => ({ settings: { cors: { project: { root } } } });

ruleTester.run('require-preflight-handler (a handler a route module re-exports)', rule, {
  valid: [
    // The project index is off: the handler file alone says nothing about its routes.
    { code: textOf(handlerFile(REEXPORT)), filename: handlerFile(REEXPORT) },
    // The route module exports the handler as OPTIONS too.
    {
      code: textOf(handlerFile(CLEAN_REEXPORT)),
      filename: handlerFile(CLEAN_REEXPORT),
      ...on(CLEAN_REEXPORT),
    },
    // The handler answers OPTIONS itself; only the route module, which never routes it there, is reported.
    { code: textOf(CMS_HANDLER), filename: CMS_HANDLER, ...on(WORKSPACE) },
  ],
  invalid: [
    {
      code: textOf(handlerFile(REEXPORT)),
      filename: handlerFile(REEXPORT),
      ...on(REEXPORT),
      errors: [
        {
          messageId: 'handlerReexportedWithoutOptions',
          data: { method: 'GET', route: 'src/app/api/preview/[slug]/route.ts:2' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 69,
        },
      ],
    },
  ],
});
