/**
 * The `cors` settings section a client sends through `workspace/configuration`, and their
 * normalisation. Clients send whatever their users typed, so normalisation never throws: each
 * value that does not fit falls back to its default and is named in `problems` for the log.
 */
import { isDjangoCorsHeadersVersion, toAppOrigin } from 'cors-lint-core';
import plugin from 'eslint-plugin-cors';
import { RULE_PREFIX } from '../engine/rule-meta.js';
import { DEFAULT_TIME_BUDGET_MS, MIN_TIME_BUDGET_MS } from '../limits.js';

export type RuleSeverity = 'off' | 'warn' | 'error' | 'info';

export interface CorsSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Severity overrides, keyed by full rule id (`cors/<rule>`). */
  rules: Record<string, RuleSeverity>;
  config: 'recommended' | 'strict' | 'all';
  /** Serialized origins the app's pages are served from. */
  appOrigins: string[];
  /**
   * Milliseconds one lint of one document may take. A lint that takes longer is stopped, the user is
   * told, and that document is not linted again until it is reopened or the settings change.
   */
  timeBudget: number;
  /**
   * Build an index of each workspace folder's servers, so a client request is checked against the
   * server that answers it (the cross-file rules); `false` turns those checks off in the editor.
   */
  projectIndex: boolean;
  /**
   * The django-cors-headers version Django settings modules are linted for (`'3.14.0'`); undefined:
   * the version the project pins (requirements*.txt, pyproject.toml, Pipfile), else the newest facts.
   * Handed to the plugin as `settings.cors.django.corsHeadersVersion`.
   */
  django: { corsHeadersVersion: string | undefined };
}

export const DEFAULT_SETTINGS: CorsSettings = Object.freeze({
  enable: true,
  run: 'onType',
  rules: Object.freeze({}) as Record<string, RuleSeverity>,
  config: 'recommended',
  appOrigins: Object.freeze([]) as unknown as string[],
  timeBudget: DEFAULT_TIME_BUDGET_MS,
  projectIndex: true,
  django: Object.freeze({ corsHeadersVersion: undefined }) as CorsSettings['django'],
});

const RUNS = ['onType', 'onSave'] as const;
const CONFIGS = ['recommended', 'strict', 'all'] as const;
const SEVERITIES = ['off', 'warn', 'error', 'info'] as const;
// ESLint's numeric severities, which users carry over from their eslint config.
const NUMERIC_SEVERITIES: Record<number, RuleSeverity> = { 0: 'off', 1: 'warn', 2: 'error' };
// Settings the VS Code extension contributes and handles itself; the server ignores them quietly.
const CLIENT_SIDE_KEYS = new Set(['trace', 'codeAction', 'typeAware']);

export function normalizeSettings(raw: unknown): { settings: CorsSettings; problems: string[] } {
  const problems: string[] = [];
  try {
    return { settings: readSettings(raw, problems), problems };
  } catch (error) {
    // Only a hostile object (a throwing getter or proxy) gets here; JSON from the wire cannot.
    return {
      settings: copyOfDefaults(),
      problems: [
        ...problems,
        `cors settings could not be read (${String(error)}); using the defaults`,
      ],
    };
  }
}

function readSettings(raw: unknown, problems: string[]): CorsSettings {
  const settings = copyOfDefaults();
  // A client without a `cors` section answers null: defaults, nothing to complain about.
  if (raw === null || raw === undefined) return settings;
  if (!isPlainObject(raw)) {
    problems.push(`cors settings must be an object, got ${describe(raw)}; using the defaults`);
    return settings;
  }
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'enable':
        if (typeof value === 'boolean') settings.enable = value;
        else problems.push(`cors.enable must be true or false, got ${describe(value)}`);
        break;
      case 'run':
        settings.run = oneOf(value, RUNS, 'cors.run', settings.run, problems);
        break;
      case 'config':
        settings.config = oneOf(value, CONFIGS, 'cors.config', settings.config, problems);
        break;
      case 'rules':
        settings.rules = readRules(value, problems);
        break;
      case 'appOrigins':
        settings.appOrigins = readOrigins(value, problems);
        break;
      case 'timeBudget':
        if (typeof value === 'number' && Number.isFinite(value) && value >= MIN_TIME_BUDGET_MS)
          settings.timeBudget = Math.round(value);
        else
          problems.push(
            `cors.timeBudget must be a number of milliseconds, at least ${MIN_TIME_BUDGET_MS}, got ${describe(value)}`,
          );
        break;
      case 'projectIndex':
        if (typeof value === 'boolean') settings.projectIndex = value;
        else problems.push(`cors.projectIndex must be true or false, got ${describe(value)}`);
        break;
      case 'django':
        settings.django = readDjango(value, problems);
        break;
      default:
        if (!CLIENT_SIDE_KEYS.has(key)) problems.push(`unknown setting cors.${key} ignored`);
    }
  }
  return settings;
}

/**
 * `settings` with every rule but `ruleId` off, for a fix-all of that one rule. `ruleId` keeps the
 * severity (and the options) the settings give it; an id that is no cors rule leaves all off.
 */
export function withOnlyRule(settings: CorsSettings, ruleId: string): CorsSettings {
  const rules: Record<string, RuleSeverity> = {};
  for (const name of Object.keys(plugin.rules)) {
    const id = RULE_PREFIX + name;
    const own = settings.rules[id];
    if (id !== ruleId) rules[id] = 'off';
    else if (own !== undefined) rules[id] = own;
  }
  return { ...settings, rules };
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  fallback: T,
  problems: string[],
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  problems.push(
    `${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`,
  );
  return fallback;
}

/**
 * Keys may be `cors/<rule>` or `<rule>`, and may use `*` as a wildcard (`cors/*`, `no-*`); exact
 * names win over wildcards whatever their order, so `{ "*": "warn", "no-null-origin": "error" }`
 * reads as intended.
 */
function readRules(value: unknown, problems: string[]): Record<string, RuleSeverity> {
  if (!isPlainObject(value)) {
    problems.push(`cors.rules must be an object of rule severities, got ${describe(value)}`);
    return {};
  }
  const known = Object.keys(plugin.rules).map((name) => RULE_PREFIX + name);
  const fromWildcards = new Map<string, RuleSeverity>();
  const exact = new Map<string, RuleSeverity>();
  for (const [key, rawSeverity] of Object.entries(value)) {
    const severity = readSeverity(rawSeverity);
    if (severity === undefined) {
      problems.push(
        `cors.rules["${key}"] must be one of 'off', 'warn', 'error', 'info', got ${describe(rawSeverity)}`,
      );
      continue;
    }
    const ruleId = key.trim().startsWith(RULE_PREFIX) ? key.trim() : RULE_PREFIX + key.trim();
    if (ruleId.includes('*')) {
      const pattern = wildcardPattern(ruleId);
      const matches = known.filter((id) => pattern.test(id));
      if (matches.length === 0) problems.push(`cors.rules["${key}"] matches no cors rule`);
      for (const id of matches) fromWildcards.set(id, severity);
    } else if (known.includes(ruleId)) {
      exact.set(ruleId, severity);
    } else {
      problems.push(`cors.rules["${key}"]: there is no rule ${ruleId}`);
    }
  }
  return Object.fromEntries([...fromWildcards, ...exact]);
}

function readSeverity(value: unknown): RuleSeverity | undefined {
  // ESLint's array form: the severity comes first; rule options are not settings.
  const severity = Array.isArray(value) ? value[0] : value;
  if (typeof severity === 'number') return NUMERIC_SEVERITIES[severity];
  if (typeof severity !== 'string') return undefined;
  const lower = severity.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as RuleSeverity) : undefined;
}

function wildcardPattern(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** Accepts what a browser would send as `Origin`, and URLs that are just an origin (`https://App.example/`). */
function readOrigins(value: unknown, problems: string[]): string[] {
  const values = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(values)) {
    problems.push(`cors.appOrigins must be an array of origins, got ${describe(value)}`);
    return [];
  }
  const origins = new Set<string>();
  for (const entry of values) {
    const origin = typeof entry === 'string' ? toAppOrigin(entry) : undefined;
    if (origin === undefined)
      problems.push(`cors.appOrigins: ${describe(entry)} is not an origin (scheme://host[:port])`);
    else origins.add(origin);
  }
  return [...origins];
}

/**
 * `{ corsHeadersVersion }`: a version such as `3.14.0`, `4.3` or `4`. An empty string or null (an
 * editor's unset value) means: read the project's pin.
 */
function readDjango(value: unknown, problems: string[]): CorsSettings['django'] {
  if (!isPlainObject(value)) {
    problems.push(`cors.django must be an object, got ${describe(value)}`);
    return { corsHeadersVersion: undefined };
  }
  let corsHeadersVersion: string | undefined;
  for (const [key, entry] of Object.entries(value)) {
    if (key !== 'corsHeadersVersion') {
      problems.push(`unknown setting cors.django.${key} ignored`);
      continue;
    }
    if (entry === null || entry === '') continue;
    if (typeof entry === 'string' && isDjangoCorsHeadersVersion(entry))
      corsHeadersVersion = entry.trim();
    else
      problems.push(
        `cors.django.corsHeadersVersion must be a version such as "3.14.0", got ${describe(entry)}`,
      );
  }
  return { corsHeadersVersion };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}

function copyOfDefaults(): CorsSettings {
  return {
    ...DEFAULT_SETTINGS,
    rules: {},
    appOrigins: [],
    django: { corsHeadersVersion: undefined },
  };
}
