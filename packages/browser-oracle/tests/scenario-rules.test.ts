/**
 * The rule → scenario links of SCENARIOS.md: each scenario's scenario.json names exactly the rules whose
 * findings the oracle checks there (read from the linter, as the oracle reads them), and every rule a
 * browser can prove has a scenario. Lint only: no browser, no server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserEffect, isSecurityFinding, ruleMessages } from 'cors-lint-core';
import type { Finding } from '../src/lint.js';
import type { MessageSpec } from 'cors-lint-core';
import { describe, expect, it } from 'vitest';
import { lintFile, lintScenario, observable, scenarioConfig } from '../src/lint.js';
import { lintScenarioFiles } from '../src/nginx-scenario.js';
import { attackFor, discoverScenarios } from '../src/run-scenario.js';
import { readScenarios, renderIndex, rulesWithoutScenario } from '../scripts/scenario-index.mjs';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const scenarios = readScenarios(REPO);
const jsScenarios = new Map(
  discoverScenarios(path.join(REPO, 'test-fixtures', 'scenarios')).map((scenario) => [
    `test-fixtures/scenarios/${scenario.name}`,
    scenario,
  ]),
);

/** The rules of the findings the oracle checks on a scenario: those with a browser effect or a security meaning. */
function checkedRules(folder: string, name: string): string[] {
  const js = jsScenarios.get(folder);
  const rules = js
    ? observable(lintScenario(js.sources)).map((finding) => finding.rule)
    : lintScenarioFiles(
        name,
        path.join(REPO, folder),
        {
          config: fs.readFileSync(path.join(REPO, folder, 'nginx.conf'), 'utf8'),
          client: fs.readFileSync(path.join(REPO, folder, 'client.js'), 'utf8'),
        },
        scenarioConfig(name),
      )
        .filter(
          (finding) =>
            browserEffect(finding.rule, finding.messageId) !== undefined ||
            isSecurityFinding(finding.rule, finding.messageId),
        )
        .map((finding) => finding.rule);
  return [...new Set(rules)].sort();
}

describe('scenario.json', () => {
  it('is read from every scenario folder, JavaScript, Django and nginx', () => {
    expect(scenarios.length).toBe(
      jsScenarios.size + fs.readdirSync(path.join(REPO, 'test-fixtures', 'nginx-scenarios')).length,
    );
    expect(
      scenarios.some((scenario) => scenario.folder.startsWith('test-fixtures/nginx-scenarios/')),
    ).toBe(true);
  });

  it.each(scenarios.map((scenario) => [scenario.folder, scenario] as const))(
    '%s names the rules the oracle checks there',
    (_folder, scenario) => {
      const checked = checkedRules(scenario.folder, scenario.name);
      // A scenario where the linter is silent is a clean twin: it names the rules it shows silent on working code.
      if (checked.length > 0)
        expect(
          [...scenario.rules].sort(),
          'scenario.json must name exactly the rules with checked findings',
        ).toEqual(checked);
      for (const rule of scenario.rules)
        expect(Object.keys(ruleMessages), `${rule} is not a rule`).toContain(rule);
    },
  );
});

describe('rule coverage', () => {
  it('gives every rule with a browser effect (or a security finding) at least one scenario', () => {
    expect(
      rulesWithoutScenario(ruleMessages, scenarios),
      'add a scenario folder (see packages/browser-oracle/README.md) and name the rule in its scenario.json',
    ).toEqual([]);
  });

  it('names a rule with an effect and no scenario, and leaves out rules no browser shows', () => {
    const catalog: Record<string, Record<string, MessageSpec>> = {
      'rule-blocked': { broken: { text: 'x', effect: { kind: 'preflight' } } },
      'rule-security': { open: { text: 'x', security: true } },
      'rule-silent': { tidy: { text: 'x' } },
    };
    expect(rulesWithoutScenario(catalog, [])).toEqual(['rule-blocked', 'rule-security']);
    expect(
      rulesWithoutScenario(catalog, [{ folder: 'f', name: 'f', rules: ['rule-security'] }]),
    ).toEqual(['rule-blocked']);
  });
});

describe('the index', () => {
  it('lists each rule with its effects and links its scenarios', () => {
    const text = renderIndex(ruleMessages, scenarios);
    expect(text).toContain(
      '| [`no-null-origin`](../eslint-plugin/docs/rules/no-null-origin.md) | `security` | ',
    );
    expect(text).toMatch(
      /\| \[`nginx-require-always`\]\([^)]+\) \| `blocked` \| \[nginx-require-always\]\(\.\.\/\.\.\/test-fixtures\/nginx-scenarios\/nginx-require-always\/\) \|/,
    );
  });

  it('refuses a scenario.json that names no rule of the catalog', () => {
    expect(() =>
      renderIndex(ruleMessages, [
        { folder: 'test-fixtures/scenarios/x', name: 'x', rules: ['no-such-rule'] },
      ]),
    ).toThrow(/test-fixtures\/scenarios\/x: no-such-rule/);
  });
});

describe('security findings', () => {
  const catalog = ruleMessages as Record<string, Record<string, MessageSpec>>;
  const messages = Object.entries(catalog).flatMap(([rule, specs]) =>
    Object.entries(specs).map(([messageId, spec]) => ({ rule, messageId, spec })),
  );
  const finding = (rule: string, messageId: string, message = 'x'): Finding => ({
    file: 'server.js',
    rule,
    messageId,
    message,
    line: 1,
    column: 1,
    data: {},
    effect: browserEffect(rule, messageId),
    security: undefined,
    fix: undefined,
    suggestions: [],
  });

  it('are the oracle findings with an attack exactly where the catalog says so', () => {
    const findings = [...jsScenarios.values()].flatMap((scenario) =>
      lintScenario(scenario.sources),
    );
    const expected = (f: Finding) =>
      isSecurityFinding(f.rule, f.messageId)
        ? f.rule
        : catalog[f.rule]?.[f.messageId]?.opensAttackOf;
    expect(findings.filter((f) => f.security !== undefined).length).toBeGreaterThan(5);
    for (const f of findings) expect(f.security, `${f.rule}/${f.messageId}`).toBe(expected(f));
  });

  it('keep the null-origin attack of a Django origin without a scheme, or a string in place of the list', () => {
    const [noScheme] = lintFile('settings.py', 'CORS_ALLOWED_ORIGINS = ["app.example.test"]\n');
    expect([noScheme?.messageId, noScheme?.security, noScheme?.effect?.kind]).toEqual([
      'noScheme',
      'no-null-origin',
      'blocked',
    ]);
    const [notAList] = lintFile(
      'settings.py',
      'CORS_ALLOWED_ORIGINS = "https://app.example.test"\n',
    );
    expect([notAList?.messageId, notAList?.security]).toEqual(['notAList', 'no-null-origin']);
  });

  it('each have an attack the oracle can run, and other findings none', () => {
    const security = messages.filter(({ rule, messageId }) => isSecurityFinding(rule, messageId));
    expect(new Set(security.map(({ rule }) => rule)).size).toBe(5);
    for (const { rule, messageId } of security) {
      const attack = attackFor({
        ...finding(rule, messageId, 'such as https://app.example.test.evil.test.'),
        security: rule as Finding['security'],
      });
      expect(typeof attack === 'string' ? attack : attack.rule, `${rule}/${messageId}`).toBe(rule);
    }
    expect(
      attackFor(finding('no-wildcard-origin-with-credentials', 'wildcardWithCredentials')),
    ).toMatch(/^not a security finding/);
  });
});
