import type { RuleName } from './rules/index.js';
import { rules } from './rules/index.js';

export type Severity = 'error' | 'warn';

/**
 * Severity of each rule where a config turns it on. Findings a browser turns into an error, and
 * security holes, are errors; policy choices that are fine for public data are warnings.
 */
const SEVERITY: Record<RuleName, Severity> = {
  'no-accidental-preflight': 'warn',
  'no-dead-django-cors-setting': 'error',
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
  'require-django-cors-middleware': 'error',
  'require-exposed-headers': 'warn',
  'require-preflight-handler': 'error',
  'require-vary-origin': 'warn',
  'valid-allow-origin': 'error',
  'valid-django-allowed-origins': 'error',
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

/** The ESLint language ids a rule works on: `meta.languages`, or JavaScript (and TypeScript) alone. */
function languagesOf(name: RuleName): readonly string[] {
  return (rules[name].meta as { languages?: readonly string[] }).languages ?? ['js/js'];
}

export type ConfigLanguage = 'js/js' | 'cors/django-settings';

/**
 * The rules a config turns on for one language. For a language with a block of its own, every other rule
 * of the config is turned off for its files: the JavaScript block has no `files` and so also applies there,
 * and ESLint ≥ 10.2 rejects an enabled rule whose `meta.languages` leaves the language out.
 */
export function configRules(config: ConfigName, language: ConfigLanguage = 'js/js'): Record<string, RuleEntry | 'off'> {
  const names = (Object.keys(rules) as RuleName[]).filter((name) => includes(config, name));
  const entries = names.flatMap((name): (readonly [string, RuleEntry | 'off'])[] => {
    const supported = languagesOf(name).includes(language);
    if (supported) return [[`cors/${name}`, entryFor(config, name)]];
    return language === 'js/js' ? [] : [[`cors/${name}`, 'off']];
  });
  return Object.fromEntries(entries);
}

/**
 * Django settings modules the configs lint with `cors/django-settings`. Projects that keep settings
 * under other names add their own block with `files` and `language: 'cors/django-settings'`.
 */
export const DJANGO_SETTINGS_FILES = ['**/settings.py', '**/settings/*.py'];
