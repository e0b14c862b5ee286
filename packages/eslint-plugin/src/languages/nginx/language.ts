/**
 * `cors/nginx`: nginx configuration files as an ESLint language, on the plugin's own tokenizer.
 */
import type { ParseResult } from '@eslint/core';
import { defineTextLanguage } from '../shared/text-language.js';
import type { Config, NginxNode } from './ast.js';
import { VISITOR_KEYS } from './ast.js';
import { emptyConfig, parseNginx } from './parse.js';
import { NginxSourceCode } from './source-code.js';

/**
 * A file that fails to parse and reads no directive nginx knows is not nginx (`**\/*.conf` also
 * matches other programs' configs): it gets an empty tree, not a parsing error.
 */
function parse(text: string): ParseResult<Config> {
  const result = parseNginx(text);
  if (result.ok) return { ok: true, ast: result.ast };
  if (result.knownDirectives === 0) return { ok: true, ast: emptyConfig(text) };
  return { ok: false, errors: [result.error] };
}

export const nginxLanguage = defineTextLanguage<Config, NginxNode, NginxSourceCode>({
  name: 'cors/nginx',
  visitorKeys: VISITOR_KEYS,
  parse,
  createSourceCode: (text, ast) => new NginxSourceCode({ text, ast }),
});
