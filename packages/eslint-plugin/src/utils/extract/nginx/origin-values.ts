/**
 * What an `Access-Control-Allow-Origin` value written in nginx sends, as core's `OriginSetting`:
 * - `*` → wildcard; a literal → fixed;
 * - `$http_origin` → the request's Origin with no check, unless an `if ($http_origin ~ …)` around the
 *   write checks it (then an allow-list of that pattern) or an `if` on another variable does (checked);
 * - a variable a `map $http_origin $v { … }` defines → an allow-list of the keys that map to the
 *   origin (`~` and `~*` keys are regexes, matched anywhere in the origin as PCRE does), or every
 *   origin when its `default` is `$http_origin` (§C.1);
 * - a variable `set` from `$http_origin` under `if ($http_origin ~ …)` → an allow-list of those patterns;
 * - anything else with a variable → unknown (a `map` in another file, `$host`, …), never reported as a wildcard.
 */
import type { OriginEntry, OriginSetting } from 'cors-lint-core';
import type { NginxNode, Word } from '../../../languages/nginx/ast.js';
import { schemesMatchingEveryOrigin } from '../values/pattern-matches-every-origin.js';
import type { IfCondition, NginxLevels } from './levels.js';

const ORIGIN_VARIABLE = /^\$(?:http_origin|\{http_origin\})$/;
const VARIABLE = /^\$(?:(\w+)|\{(\w+)\})$/;

/** Map parameters that are not keys. */
const MAP_PARAMETERS = new Set(['default', 'hostnames', 'volatile', 'include']);

export function isOriginVariable(text: string): boolean {
  return ORIGIN_VARIABLE.test(text);
}

/** An allow-list entry for an `if` condition or map key that tests the origin. */
function entryFor(
  operator: string,
  operand: string,
  at: NginxNode,
): OriginEntry<NginxNode> | undefined {
  if (operator === '=') return { kind: 'exact', value: operand, at };
  if (operator !== '~' && operator !== '~*') return undefined;
  const flags = operator === '~*' ? 'i' : '';
  // A pattern every origin passes (`~^https?://`) is no check: the reflection rules report it.
  const every = schemesMatchingEveryOrigin(operand, flags);
  return {
    kind: 'pattern',
    source: operand,
    flags,
    at,
    ...(every.length > 0 ? { matchesEveryOriginOf: every } : {}),
  };
}

/** `if` conditions around a write, innermost last: does one check the origin? */
function guardOf(conditions: readonly IfCondition[]): {
  entry: OriginEntry<NginxNode> | undefined;
  checked: boolean;
} {
  for (const condition of [...conditions].reverse()) {
    if (isOriginVariable(condition.variable)) {
      const entry = condition.operandWord
        ? entryFor(condition.operator, condition.operand, condition.operandWord)
        : undefined;
      return { entry, checked: true };
    }
  }
  // A condition on another variable (`if ($cors = 'true')`) is some check we cannot enumerate.
  return { entry: undefined, checked: conditions.length > 0 };
}

export function originSetting(
  value: Word,
  at: NginxNode,
  conditions: readonly IfCondition[],
  levels: NginxLevels,
  seen = new Set<string>(),
): OriginSetting<NginxNode> {
  const text = value.value;
  if (text === '*') return { kind: 'wildcard', implicit: false, at };
  if (isOriginVariable(text)) {
    const guard = guardOf(conditions);
    if (guard.entry) return { kind: 'allow-list', entries: [guard.entry], complete: true, at };
    return guard.checked
      ? { kind: 'checked', at }
      : { kind: 'reflect-any', via: 'request-header', at };
  }
  const variable = VARIABLE.exec(text);
  if (variable) {
    const name = variable[1] ?? variable[2]!;
    if (seen.has(name)) return { kind: 'unknown', at };
    seen.add(name);
    return fromMap(name, at, levels) ?? fromSets(name, at, levels) ?? { kind: 'unknown', at };
  }
  if (text.includes('$')) return { kind: 'unknown', at };
  return { kind: 'fixed', value: text, at };
}

function fromMap(
  name: string,
  at: NginxNode,
  levels: NginxLevels,
): OriginSetting<NginxNode> | undefined {
  const map = levels.maps.get(name);
  if (!map?.block || !isOriginVariable(map.args[0]!.value)) return undefined;
  const entries: OriginEntry<NginxNode>[] = [];
  let complete = true;
  for (const line of map.block.body) {
    const key = line.name;
    const [result] = line.args;
    if (key.value === 'include') complete = false;
    if (MAP_PARAMETERS.has(key.value) && key.value !== 'default') continue;
    if (!result) continue;
    const sendsOrigin =
      isOriginVariable(result.value) || (result.value === key.value && key.value !== 'default');
    if (key.value === 'default') {
      // Reported (and repaired) where the header is written, the one place that serves every request.
      if (isOriginVariable(result.value)) return { kind: 'reflect-any', via: 'request-header', at };
      if (result.value !== '') complete = false;
      continue;
    }
    if (!sendsOrigin) {
      if (result.value === '' || result.value === '""') continue;
      // The key's origin gets another value: a fixed origin for it, or something unknown.
      entries.push(
        result.value.includes('$')
          ? { kind: 'unknown', at: result }
          : { kind: 'exact', value: result.value, at: result },
      );
      continue;
    }
    const regex = /^(~\*?)(.*)$/s.exec(key.value);
    const entry = regex
      ? entryFor(regex[1]!, regex[2]!, key)
      : { kind: 'exact' as const, value: key.value.replace(/^\\/, ''), at: key };
    if (entry) entries.push(entry);
  }
  return { kind: 'allow-list', entries, complete, at };
}

function fromSets(
  name: string,
  at: NginxNode,
  levels: NginxLevels,
): OriginSetting<NginxNode> | undefined {
  const sets = levels.sets.filter((set) => set.name === name && set.value.value !== '');
  if (sets.length === 0) return undefined;
  const entries: OriginEntry<NginxNode>[] = [];
  for (const set of sets) {
    if (isOriginVariable(set.value.value)) {
      const guard = guardOf(set.conditions);
      if (guard.entry) entries.push(guard.entry);
      else if (guard.checked) return { kind: 'checked', at };
      else return { kind: 'reflect-any', via: 'request-header', at };
    } else if (set.value.value.includes('$')) {
      entries.push({ kind: 'unknown', at: set.value });
    } else if (sets.length === 1 && set.conditions.length === 0) {
      return originSetting(set.value, at, [], levels);
    } else {
      entries.push({ kind: 'exact', value: set.value.value, at: set.value });
    }
  }
  return { kind: 'allow-list', entries, complete: true, at };
}
