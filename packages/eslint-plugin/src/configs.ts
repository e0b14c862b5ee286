import type { RuleName } from './rules/index.js';
import { rules } from './rules/index.js';

// The file names each language block lints live in a module of their own: the project index needs
// them too, and the rules import the project index.
export {
  DJANGO_SETTINGS_FILES,
  isNginxConfigPath,
  NGINX_FILES,
  NGINX_IGNORES,
} from './languages/file-names.js';

export type Severity = 'error' | 'warn';

/**
 * Severity of each rule where a config turns it on. Findings a browser turns into an error, and
 * security holes, are errors; policy choices that are fine for public data are warnings.
 */
const SEVERITY: Record<RuleName, Severity> = {
  'client-credentials-need-server-credentials': 'error',
  'nginx-error-page-drops-cors': 'warn',
  'nginx-no-dropped-cors-headers': 'error',
  'nginx-no-preflight-before-location': 'error',
  'nginx-require-always': 'error',
  'nginx-require-proxy-hide-header': 'warn',
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
  'require-allowed-method': 'error',
  'require-allowed-request-headers': 'error',
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

/**
 * The languages a rule lints: its `meta.languages`, else the one language of a rule made for it
 * (`meta.docs.languages`, see `CorsRuleDocs`), else JavaScript (and TypeScript).
 */
export function ruleLanguages(name: string): readonly string[] {
  const meta = (
    rules as Record<
      string,
      | { meta: { languages?: readonly string[]; docs?: { languages?: readonly string[] } } }
      | undefined
    >
  )[name]?.meta;
  return meta?.languages ?? meta?.docs?.languages ?? ['js/js'];
}

/** The rules a config turns on for files of `language` (`js/js` for JavaScript and TypeScript). */
export function configRules(config: ConfigName, language = 'js/js'): Record<string, RuleEntry> {
  const entries = (Object.keys(rules) as RuleName[])
    .filter((name) => includes(config, name) && ruleLanguages(name).includes(language))
    .map((name) => [`cors/${name}`, entryFor(config, name)] as const);
  return Object.fromEntries(entries);
}

/**
 * The rules of a language's block: the config's rules for that language, and every rule the JavaScript
 * block turns on that cannot lint the language turned off. A JavaScript block has no `files`, so it also
 * reaches these files, and ESLint ≥ 10.2 rejects an enabled rule whose `meta.languages` lacks the language.
 */
export function languageBlockRules(
  config: ConfigName,
  language: string,
): Record<string, RuleEntry | 'off'> {
  const off = Object.keys(configRules(config)).filter(
    (ruleId) => !ruleLanguages(ruleId.slice('cors/'.length) as RuleName).includes(language),
  );
  return {
    ...Object.fromEntries(off.map((ruleId) => [ruleId, 'off' as const])),
    ...configRules(config, language),
  };
}
