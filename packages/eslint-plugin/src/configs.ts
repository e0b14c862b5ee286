import type { RuleName } from './rules/index.js';
import { rules } from './rules/index.js';

export type Severity = 'error' | 'warn';

/**
 * Severity of each rule where a config turns it on. Findings a browser turns into an error, and
 * security holes, are errors; policy choices that are fine for public data are warnings.
 */
const SEVERITY: Record<RuleName, Severity> = {
  'client-credentials-need-server-credentials': 'error',
  'no-accidental-preflight': 'warn',
  'no-duplicate-allow-origin': 'error',
  'no-forbidden-request-header': 'warn',
  'no-ineffective-wildcard': 'error',
  'no-invalid-no-cors-request': 'error',
  'no-null-origin': 'error',
  'no-opaque-response-read': 'error',
  'no-permissive-local-server': 'error',
  'no-permissive-origin': 'warn',
  'no-reflected-origin-with-credentials': 'error',
  'no-unsafe-origin-check': 'error',
  'no-wildcard-origin-with-credentials': 'error',
  'require-allowed-method': 'error',
  'require-allowed-request-headers': 'error',
  'require-exposed-headers': 'warn',
  'require-preflight-handler': 'error',
  'require-vary-origin': 'warn',
  'valid-allow-origin': 'error',
  'valid-header-values': 'error',
};

/** A rule's entry in a config: its severity, with options where the config sets some. */
export type RuleEntry = Severity | [Severity, ...unknown[]];

/**
 * Options `strict` sets on top of the rule's defaults. `all` keeps every rule at its defaults, as
 * typescript-eslint's `all` does: it is "every rule on", not "every opinion on".
 */
const STRICT_OPTIONS: Partial<Record<RuleName, readonly unknown[]>> = {
  'no-accidental-preflight': [{ all: true }],
  'require-exposed-headers': [{ all: true }],
  'valid-header-values': [{ maxAgeAboveCap: true }],
};

type ConfigName = 'recommended' | 'strict' | 'all';

/** Which rules a config enables, read from each rule's `meta.docs.recommended`. */
function includes(config: ConfigName, name: RuleName): boolean {
  const level = rules[name].meta.docs?.recommended;
  if (config === 'all') return true;
  if (config === 'strict') return level === 'recommended' || level === 'strict';
  return level === 'recommended';
}

function entryFor(config: ConfigName, name: RuleName): RuleEntry {
  const options = config === 'strict' ? STRICT_OPTIONS[name] : undefined;
  return options ? [SEVERITY[name], ...options] : SEVERITY[name];
}

export function configRules(config: ConfigName): Record<string, RuleEntry> {
  const entries = (Object.keys(rules) as RuleName[]).filter((name) => includes(config, name)).map((name) => [`cors/${name}`, entryFor(config, name)] as const);
  return Object.fromEntries(entries);
}
