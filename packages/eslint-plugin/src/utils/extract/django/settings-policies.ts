/**
 * django-cors-headers settings → core's `CorsPolicy<PyNode>`: one policy per consistent choice of
 * branches (`if DEBUG:` … `else:` …), so values of exclusive branches never meet in one policy.
 * The semantics are the library's (core `django/cors-headers-settings.ts`): the new setting name wins
 * over its old alias, allow-all with credentials reflects every origin, regexes run under `re.match`.
 */
import type { CorsPolicy, ListValue, OriginEntry, OriginSetting, Setting } from 'cors-lint-core';
import {
  DJANGO_CORS_DEFAULT_METHODS,
  DJANGO_CORS_OLD_NAMES,
  djangoCorsFacts,
} from 'cors-lint-core';
import type { DjangoCorsSettingName, DjangoCorsVersionFacts } from 'cors-lint-core';
import type { Module, PyNode, Statement } from '../../../languages/django-settings/ast.js';
import type { Alternative, Binding, Condition, PyValue } from './evaluate.js';
import { SettingsEvaluation, compatible, joinConditions } from './evaluate.js';

export const DJANGO_LIBRARY = 'django-cors-headers';

export type DjangoPolicy = CorsPolicy<PyNode> & { readonly kind: 'django-settings' };

/** One setting as the library reads it: which name supplied it, and its value on the chosen branches. */
export interface ReadSetting {
  /** The name the value came from (the new name, or its old alias). */
  readonly name: string;
  /** Absent when neither name is set on these branches. */
  readonly alternative?: Alternative;
}

export interface DjangoSettingsModel {
  readonly evaluation: SettingsEvaluation;
  readonly policies: readonly DjangoPolicy[];
  /** Whether the module configures django-cors-headers at all (installs it or sets a `CORS_` name). */
  readonly usesCorsHeaders: boolean;
}

const SETTINGS: readonly DjangoCorsSettingName[] = [
  'CORS_ALLOW_ALL_ORIGINS',
  'CORS_ALLOWED_ORIGINS',
  'CORS_ALLOWED_ORIGIN_REGEXES',
  'CORS_ALLOW_CREDENTIALS',
  'CORS_ALLOW_METHODS',
  'CORS_ALLOW_HEADERS',
  'CORS_EXPOSE_HEADERS',
  'CORS_PREFLIGHT_MAX_AGE',
];
/** Past this many branch combinations, the first ones are kept: enough for every finding a branch can hold. */
const MAX_POLICIES = 32;

/** Per module, the model for each django-cors-headers version (its facts' `version`) it was read for. */
const cache = new WeakMap<Module, Map<string, DjangoSettingsModel>>();

/**
 * The module's model as the django-cors-headers of `facts` reads it (the newest when the version is
 * unknown): which setting names it reads, and what its `corsheaders.defaults` hold.
 */
export function djangoSettingsModel(
  module: Module,
  facts: DjangoCorsVersionFacts = djangoCorsFacts(),
): DjangoSettingsModel {
  let models = cache.get(module);
  if (!models) cache.set(module, (models = new Map()));
  let model = models.get(facts.version);
  if (!model) {
    model = build(module, facts);
    models.set(facts.version, model);
  }
  return model;
}

function build(module: Module, facts: DjangoCorsVersionFacts): DjangoSettingsModel {
  const { readsNewNames } = facts;
  // The lists django-cors-headers' docs tell users to extend: `(*default_headers, "x-api-key")`.
  const evaluation = new SettingsEvaluation(
    module,
    new Map([
      ['corsheaders.defaults.default_headers', facts.defaultHeaders],
      ['corsheaders.defaults.default_methods', DJANGO_CORS_DEFAULT_METHODS],
    ]),
  );
  const names = evaluation.names();
  const installed = (evaluation.binding('INSTALLED_APPS')?.alternatives ?? []).some((a) =>
    listHas(a.value, (text) => text === 'corsheaders' || text.startsWith('corsheaders.')),
  );
  const usesCorsHeaders = installed || names.some((name) => name.startsWith('CORS_'));
  if (!usesCorsHeaders) return { evaluation, policies: [], usesCorsHeaders };
  const policies = combinations(evaluation).map((choice) =>
    toPolicy(choice, evaluation, module, readsNewNames),
  );
  return { evaluation, policies, usesCorsHeaders };
}

export function listHas(value: PyValue, test: (text: string) => boolean): boolean {
  return (
    value.kind === 'list' && value.items.some((item) => item.kind === 'str' && test(item.value))
  );
}

/** Each setting name (new and old) → its chosen alternative, for every consistent choice of branches. */
type Choice = ReadonlyMap<string, Alternative | undefined>;

function combinations(evaluation: SettingsEvaluation): Choice[] {
  const names = SETTINGS.flatMap((name) =>
    [name, DJANGO_CORS_OLD_NAMES[name]].filter((n): n is string => n !== undefined),
  );
  let choices: { choice: Map<string, Alternative | undefined>; condition: Condition }[] = [
    { choice: new Map(), condition: new Map() },
  ];
  for (const name of names) {
    const binding = evaluation.binding(name);
    const options: (Alternative | undefined)[] = binding ? [...binding.alternatives] : [undefined];
    const next: typeof choices = [];
    for (const { choice, condition } of choices) {
      for (const option of options) {
        if (option && !compatible(option.condition, condition)) continue;
        next.push({
          choice: new Map(choice).set(name, option?.unset ? undefined : option),
          condition: option ? joinConditions(condition, option.condition) : condition,
        });
        if (next.length >= MAX_POLICIES) break;
      }
    }
    choices = next.length > 0 ? next : choices;
  }
  return choices.map(({ choice }) => choice);
}

/**
 * The setting as django-cors-headers reads it: `getattr(settings, NEW, getattr(settings, OLD, default))`
 * since 3.5.0; before it, only the old name of a renamed setting (`readsNewNames` false).
 */
export function readSetting(
  choice: Choice,
  name: DjangoCorsSettingName,
  readsNewNames = true,
): ReadSetting {
  const old = DJANGO_CORS_OLD_NAMES[name];
  const current = readsNewNames || !old ? choice.get(name) : undefined;
  if (current) return { name, alternative: current };
  const alias = old ? choice.get(old) : undefined;
  return alias && old ? { name: old, alternative: alias } : { name };
}

function toPolicy(
  choice: Choice,
  evaluation: SettingsEvaluation,
  module: Module,
  readsNewNames: boolean,
): DjangoPolicy {
  const star = evaluation.starImport;
  const read = (name: DjangoCorsSettingName) => readSetting(choice, name, readsNewNames);
  const credentials = truthy(read('CORS_ALLOW_CREDENTIALS'), star);
  const firstWrite = SETTINGS.map((name) => read(name).alternative?.writtenBy).find(
    (w): w is Statement => !!w,
  );
  return {
    kind: 'django-settings',
    source: { kind: 'middleware', library: DJANGO_LIBRARY, appliedAs: { call: 'CorsMiddleware' } },
    at: firstWrite ?? module,
    origin: originSetting(read, credentials, star, module),
    credentials,
    allowMethods: listSetting(read('CORS_ALLOW_METHODS'), star),
    allowHeaders: listSetting(read('CORS_ALLOW_HEADERS'), star),
    exposeHeaders: listSetting(read('CORS_EXPOSE_HEADERS'), star),
    maxAge: numberSetting(read('CORS_PREFLIGHT_MAX_AGE'), star),
    paths: [],
  };
}

/** A setting the file does not write: the library default, or unknown when a star import may set it. */
function missing<T>(star: Statement | null): Setting<T, PyNode> {
  return star ? { kind: 'unknown', at: star } : { kind: 'absent' };
}

function truthy(setting: ReadSetting, star: Statement | null): Setting<boolean, PyNode> {
  const value = setting.alternative?.value;
  if (!value) return missing(star);
  switch (value.kind) {
    case 'bool':
      return { kind: 'known', value: value.value, at: value.node };
    case 'none':
      return { kind: 'known', value: false, at: value.node };
    case 'number':
      return { kind: 'known', value: value.value !== 0, at: value.node };
    case 'str':
      return { kind: 'known', value: value.value !== '', at: value.node };
    default:
      return { kind: 'unknown', at: value.node };
  }
}

function listSetting(
  setting: ReadSetting,
  star: Statement | null,
): Setting<ListValue<PyNode>, PyNode> {
  const value = setting.alternative?.value;
  if (!value) return missing(star);
  if (value.kind !== 'list') return { kind: 'unknown', at: value.node };
  const pieces = value.items.flatMap((item) =>
    item.kind === 'str' ? [{ text: item.value, at: item.node }] : [],
  );
  return {
    kind: 'known',
    value: { pieces, complete: value.complete && pieces.length === value.items.length },
    at: value.node,
  };
}

function numberSetting(
  setting: ReadSetting,
  star: Statement | null,
): Setting<number | string, PyNode> {
  const value = setting.alternative?.value;
  if (!value) return missing(star);
  if (value.kind === 'number') return { kind: 'known', value: value.value, at: value.node };
  return { kind: 'unknown', at: value.node };
}

function originSetting(
  read: (name: DjangoCorsSettingName) => ReadSetting,
  credentials: Setting<boolean, PyNode>,
  star: Statement | null,
  module: Module,
): OriginSetting<PyNode> {
  const allowAll = read('CORS_ALLOW_ALL_ORIGINS');
  const all = allowAll.alternative?.value;
  if (all) {
    if (all.kind === 'unknown') return { kind: 'unknown', at: all.node };
    const on =
      all.kind === 'bool'
        ? all.value
        : all.kind === 'str'
          ? all.value !== ''
          : all.kind === 'number'
            ? all.value !== 0
            : all.kind === 'list'
              ? all.items.length > 0
              : false;
    if (on) {
      if (credentials.kind === 'known' && credentials.value)
        return {
          kind: 'reflect-any',
          via: 'allow-all-setting',
          source: allowAll.name,
          at: all.node,
        };
      return { kind: 'wildcard', implicit: false, at: all.node };
    }
  } else if (star) return { kind: 'unknown', at: star };
  const exact = read('CORS_ALLOWED_ORIGINS').alternative?.value;
  const regexes = read('CORS_ALLOWED_ORIGIN_REGEXES').alternative?.value;
  const entries: OriginEntry<PyNode>[] = [];
  let complete = true;
  for (const [value, kind] of [
    [exact, 'exact'],
    [regexes, 'pattern'],
  ] as const) {
    if (!value) continue;
    if (value.kind !== 'list') {
      complete = false;
      entries.push({ kind: 'unknown', at: value.node });
      continue;
    }
    complete &&= value.complete;
    for (const item of value.items) {
      if (item.kind !== 'str') entries.push({ kind: 'unknown', at: item.node });
      else if (kind === 'exact') entries.push({ kind: 'exact', value: item.value, at: item.node });
      else
        entries.push({
          kind: 'pattern',
          source: pythonPatternAsJs(item.value),
          flags: '',
          at: item.node,
          anchoredAtStart: true,
        });
    }
  }
  if (!exact && !regexes && !all) return { kind: 'disabled', at: module };
  return { kind: 'allow-list', entries, complete, at: (exact ?? regexes ?? all)!.node };
}

/**
 * A Python `re` pattern in JavaScript syntax, for the pattern analysis: `\Z` and `\A` are the end and
 * start anchors, `(?P<name>` a named group. Origins hold no newline, so `$` means the same in both.
 */
export function pythonPatternAsJs(pattern: string): string {
  return pattern.replace(/\\\\|\\Z|\\A|\(\?P</g, (token) =>
    token === '\\Z' ? '$' : token === '\\A' ? '^' : token === '(?P<' ? '(?<' : token,
  );
}

/** Every alternative of a setting or its alias, for rules that look at how the file writes them. */
export function bindingOf(evaluation: SettingsEvaluation, name: string): Binding | undefined {
  return evaluation.binding(name);
}
