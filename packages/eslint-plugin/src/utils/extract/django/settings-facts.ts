/**
 * The settings the Django-only checks read, one value per branch of the module: MIDDLEWARE, the allow-list
 * settings, CORS_ALLOW_HEADERS, CORS_URLS_REGEX, and old names shadowed by their new ones.
 */
import type { AST } from '@eslint-community/regexpp';
import { RegExpParser } from '@eslint-community/regexpp';
import type { DjangoList, DjangoOriginsValue } from 'cors-lint-core';
import { DJANGO_CORS_OLD_NAMES } from 'cors-lint-core';
import type { PyNode, Statement } from '../../../languages/django-settings/ast.js';
import type { Alternative, PyValue, SettingsEvaluation } from './evaluate.js';
import { compatible } from './evaluate.js';
import { pythonPatternAsJs } from './settings-policies.js';

/** A list value as core's checks take it; undefined for anything that is not a list. */
export function djangoList(value: PyValue): DjangoList<PyNode> | undefined {
  if (value.kind !== 'list') return undefined;
  const items = value.items.flatMap((item) =>
    item.kind === 'str' ? [{ text: item.value, at: item.node }] : [],
  );
  return {
    items,
    complete: value.complete && items.length === value.items.length,
    orderKnown: value.orderKnown,
    at: value.node,
  };
}

/** The alternatives of a name that set it (not the branches where it is unset). */
export function setAlternatives(evaluation: SettingsEvaluation, name: string): Alternative[] {
  return (evaluation.binding(name)?.alternatives ?? []).filter((alternative) => !alternative.unset);
}

/** How the module configures django-cors-headers, for messages: `INSTALLED_APPS` or its first `CORS_` setting. */
export function configuredBy(evaluation: SettingsEvaluation): string | undefined {
  const installed = setAlternatives(evaluation, 'INSTALLED_APPS').some(
    (a) =>
      a.value.kind === 'list' &&
      a.value.items.some(
        (item) =>
          item.kind === 'str' &&
          (item.value === 'corsheaders' || item.value.startsWith('corsheaders.')),
      ),
  );
  if (installed) return "'corsheaders' is in INSTALLED_APPS";
  const setting = evaluation.names().find((name) => name.startsWith('CORS_'));
  return setting ? `${setting} is set` : undefined;
}

/**
 * `CORS_ALLOWED_ORIGINS` and `CORS_ORIGIN_WHITELIST` values, each branch's, as a version that reads the
 * new names (`readsNewNames`, ≥ 3.5.0) or only the old one reads them.
 */
export function allowedOriginValues(
  evaluation: SettingsEvaluation,
  readsNewNames = true,
): { setting: string; value: DjangoOriginsValue<PyNode> }[] {
  // A name the library never reads (an old one the new one shadows, or a new one before 3.5.0):
  // no-dead-django-cors-setting reports it instead.
  const shadowed = readsNewNames
    ? new Set(shadowedAliases(evaluation).map((alias) => alias.alias))
    : new Set(['CORS_ALLOWED_ORIGINS']);
  return ['CORS_ALLOWED_ORIGINS', 'CORS_ORIGIN_WHITELIST']
    .filter((setting) => !shadowed.has(setting))
    .flatMap((setting) =>
      setAlternatives(evaluation, setting).flatMap(
        ({ value }): { setting: string; value: DjangoOriginsValue<PyNode> }[] => {
          if (value.kind === 'str')
            return [{ setting, value: { kind: 'string', value: value.value, at: value.node } }];
          const list = djangoList(value);
          return list ? [{ setting, value: { kind: 'list', list } }] : [];
        },
      ),
    );
}

/**
 * Old names set where the new name is set too (on a compatible branch, so both hold at once): ignored by
 * django-cors-headers ≥ 3.5.0. Reported at the old name's assignment target.
 */
export function shadowedAliases(
  evaluation: SettingsEvaluation,
): { alias: string; setting: string; at: PyNode; statement: Statement }[] {
  const out: { alias: string; setting: string; at: PyNode; statement: Statement }[] = [];
  for (const [setting, alias] of Object.entries(DJANGO_CORS_OLD_NAMES)) {
    if (!alias) continue;
    const current = setAlternatives(evaluation, setting);
    const old = setAlternatives(evaluation, alias);
    // Both hold at once on every branch where the old one is set: the old one is dead.
    const dead =
      old.length > 0 && old.every((o) => current.some((c) => compatible(c.condition, o.condition)));
    if (!dead) continue;
    for (const write of evaluation.binding(alias)?.writes ?? []) {
      const target = targetOf(write, alias);
      if (target) out.push({ alias, setting, at: target, statement: write });
    }
  }
  return out;
}

/**
 * Each write of a 3.5.0 name (`CORS_ALLOW_ALL_ORIGINS`, …), for a version older than 3.5.0, which reads
 * only the old name: every one is ignored. Reported at the assignment target.
 */
export function newNameWrites(
  evaluation: SettingsEvaluation,
): { setting: string; alias: string; at: PyNode }[] {
  return Object.entries(DJANGO_CORS_OLD_NAMES).flatMap(([setting, alias]) =>
    alias
      ? (evaluation.binding(setting)?.writes ?? []).flatMap((write) => {
          const target = targetOf(write, setting);
          return target ? [{ setting, alias, at: target }] : [];
        })
      : [],
  );
}

function targetOf(statement: Statement, name: string): PyNode | undefined {
  if (statement.type === 'Assign')
    return statement.targets.find((t) => t.type === 'Name' && t.id === name);
  if (
    (statement.type === 'AugAssign' || statement.type === 'AnnAssign') &&
    statement.target.type === 'Name' &&
    statement.target.id === name
  )
    return statement.target;
  return undefined;
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Whether a Python pattern, run with `re.match` (anchored at the start), can match a string starting
 * with `/`. False only when every alternative certainly starts with one character that is not `/`;
 * undefined when the pattern cannot be read.
 */
export function canMatchSlashPath(pattern: string): boolean | undefined {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pythonPatternAsJs(pattern), 0, pythonPatternAsJs(pattern).length, {
      unicode: false,
    });
  } catch {
    return undefined;
  }
  return ast.alternatives.some((alternative) => firstCanBeSlash(alternative.elements));
}

function firstCanBeSlash(elements: readonly AST.Element[]): boolean {
  for (const element of elements) {
    if (element.type === 'Assertion') {
      if (element.kind === 'start') continue;
      return true;
    }
    if (element.type === 'Character') return element.value === 0x2f;
    if (element.type === 'CharacterClass') {
      if (element.negate)
        return !element.elements.some((e) => e.type === 'Character' && e.value === 0x2f);
      return element.elements.some(
        (e) => (e.type === 'Character' && e.value === 0x2f) || e.type !== 'Character',
      );
    }
    if (element.type === 'Group' || element.type === 'CapturingGroup')
      return element.alternatives.some((alternative) => firstCanBeSlash(alternative.elements));
    if (element.type === 'Quantifier') {
      if (element.min === 0) return true;
      return firstCanBeSlash([element.element]);
    }
    // `.`, `\w`, backreferences and the rest: may be a slash, or cannot be read here.
    return true;
  }
  // An empty pattern matches every path.
  return true;
}
