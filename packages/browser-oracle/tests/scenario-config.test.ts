/**
 * A `strict-…` scenario is linted with the plugin's `strict` config: its findings (here
 * no-accidental-preflight's `all`) are ones `recommended` does not give, and the fix loop keeps the config.
 */
import { describe, expect, it } from 'vitest';
import { fixScenario } from '../src/fix.js';
import { lintScenario, scenarioConfig } from '../src/lint.js';

const server = "const express = require('express');\nmodule.exports = express();\n";
const client =
  "export default function request() {\n  return fetch('http://api.example.test/items/7', { method: 'PUT', headers: { 'X-Requested-With': 'XMLHttpRequest' } });\n}\n";

describe('scenarioConfig', () => {
  it('gives strict to a strict- folder only', () => {
    expect([
      scenarioConfig('strict-put-method'),
      scenarioConfig('strict-simple-get-clean'),
      scenarioConfig('client-xhr-clean'),
      scenarioConfig('not-strict-put'),
    ]).toEqual(['strict', 'strict', 'recommended', 'recommended']);
  });
});

describe('lintScenario with a config', () => {
  const found = (config?: 'strict') =>
    lintScenario({ server, client, config }).map(
      (f) => `${f.rule}/${f.messageId} ${f.file}:${f.line}:${f.column}`,
    );

  it('reports the unsafe method only under strict', () => {
    expect(found()).toEqual(['no-accidental-preflight/requestedWith client.js:2:79']);
    expect(found('strict')).toEqual([
      'no-accidental-preflight/preflightMethod client.js:2:61',
      'no-accidental-preflight/requestedWith client.js:2:79',
    ]);
  });

  it('keeps the config through the fix loop, which stops at the finding with no fix', () => {
    const result = fixScenario({ server, client, config: 'strict' });
    expect(result.sources.config).toBe('strict');
    expect(result.noFixOffered?.messageId).toBe('preflightMethod');
  });
});
