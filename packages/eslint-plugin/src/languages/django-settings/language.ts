/**
 * `cors/django-settings`: Python settings modules as an ESLint language, on `@lezer/python`.
 */
import { defineTextLanguage } from '../shared/text-language.js';
import type { Module, PyNode } from './ast.js';
import { VISITOR_KEYS } from './ast.js';
import { parsePython } from './parse.js';
import { PythonSourceCode } from './source-code.js';

export const djangoSettingsLanguage = defineTextLanguage<Module, PyNode, PythonSourceCode>({
  name: 'cors/django-settings',
  visitorKeys: VISITOR_KEYS,
  parse(text) {
    const result = parsePython(text);
    return result.ok ? { ok: true, ast: result.ast } : { ok: false, errors: [result.error] };
  },
  createSourceCode: (text, ast) => new PythonSourceCode({ text, ast }),
});
