import { describe, expect, it } from 'vitest';
import {
  DJANGO_CORS_DEFAULT_HEADERS_3,
  DJANGO_CORS_DEFAULT_HEADERS_4,
  DJANGO_CORS_DEFAULT_METHODS,
  djangoCorsFacts,
} from 'cors-lint-core';
import type { Module } from '../../../src/languages/django-settings/ast.js';
import { parsePython } from '../../../src/languages/django-settings/parse.js';
import { djangoSettingsModel } from '../../../src/utils/extract/django/settings-policies.js';

function parse(text: string): Module {
  const result = parsePython(text);
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.error.message}`);
  return result.ast;
}

/** What each policy of the module lists for a list setting: its names and whether that is all of them. */
function listSetting(module: Module, version: string, name: 'allowHeaders' | 'allowMethods') {
  return djangoSettingsModel(module, djangoCorsFacts(version)).policies.map((policy) => {
    const setting = policy[name];
    if (setting.kind !== 'known') return setting.kind;
    const value = setting.value as {
      readonly pieces: readonly { text: string }[];
      complete: boolean;
    };
    return { names: value.pieces.map((piece) => piece.text), complete: value.complete };
  });
}

const settings = (lines: string) =>
  parse(
    `INSTALLED_APPS = ["corsheaders"]\nCORS_ALLOWED_ORIGINS = ["https://app.example"]\n${lines}`,
  );

describe('corsheaders.defaults in a settings module', () => {
  it("reads `(*default_headers, …)` as the assumed version's defaults plus the additions", () => {
    const module = settings(
      'from corsheaders.defaults import default_headers\nCORS_ALLOW_HEADERS = (*default_headers, "x-api-key")\n',
    );
    expect(listSetting(module, '4.3.0', 'allowHeaders')).toEqual([
      { names: [...DJANGO_CORS_DEFAULT_HEADERS_4, 'x-api-key'], complete: true },
    ]);
    expect(listSetting(module, '3.14.0', 'allowHeaders')).toEqual([
      { names: [...DJANGO_CORS_DEFAULT_HEADERS_3, 'x-api-key'], complete: true },
    ]);
  });

  it('follows an alias, list concatenation and default_methods', () => {
    const module = settings(
      [
        'from corsheaders.defaults import default_headers as base, default_methods',
        'CORS_ALLOW_HEADERS = list(base) + ["x-api-key"]',
        'CORS_ALLOW_METHODS = [*default_methods, "PROPFIND"]',
        '',
      ].join('\n'),
    );
    expect(listSetting(module, '4.3.0', 'allowMethods')).toEqual([
      { names: [...DJANGO_CORS_DEFAULT_METHODS, 'PROPFIND'], complete: true },
    ]);
  });

  it('keeps a name from any other module, or a relative import, unknown', () => {
    for (const source of [
      'from myapp.defaults import default_headers',
      'from .defaults import default_headers',
    ]) {
      const module = settings(`${source}\nCORS_ALLOW_HEADERS = (*default_headers, "x-api-key")\n`);
      expect(listSetting(module, '4.3.0', 'allowHeaders'), source).toEqual([
        { names: ['x-api-key'], complete: false },
      ]);
    }
  });
});
