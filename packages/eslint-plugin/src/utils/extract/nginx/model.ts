/**
 * The nginx side of `getCorsContext`: per configuration file, once per lint run (cached on the
 * `Config` node ESLint hands every rule), the levels and one core `CorsPolicy` per place a response
 * is made (a location, an `if` with headers of its own, a server without locations, a snippet's top
 * level), from the headers in effect there after nginx's inheritance (core's `effectiveHeaders`).
 */
import type {
  CorsPolicy,
  ListValue,
  NginxHeaderWrite,
  OriginSetting,
  Setting,
} from 'cors-lint-core';
import {
  ACAC,
  ACAH,
  ACAM,
  ACAO,
  ACEH,
  ACMA,
  effectiveAddHeaders,
  effectiveMoreSetHeaders,
  writesOf,
} from 'cors-lint-core';
import type { Config, NginxNode } from '../../../languages/nginx/ast.js';
import type { IncludeReader } from './includes.js';
import { includeReader } from './includes.js';
import type { IfCondition, ModelLevel, NginxLevels } from './levels.js';
import { buildLevels } from './levels.js';
import { originSetting } from './origin-values.js';

export interface NginxPolicy extends CorsPolicy<NginxNode> {
  /** Where the response is made. */
  readonly level: ModelLevel;
}

export interface NginxFileModel {
  readonly levels: NginxLevels;
  /** Places a response is made, in document order. */
  readonly points: readonly ModelLevel[];
  readonly policies: readonly NginxPolicy[];
}

const cache = new WeakMap<Config, NginxFileModel>();

export function nginxModel(
  ast: Config,
  filename: string,
  settings: unknown,
  reader?: IncludeReader,
): NginxFileModel {
  let model = cache.get(ast);
  if (!model) {
    model = buildModel(ast, reader ?? includeReader(filename, settings));
    cache.set(ast, model);
  }
  return model;
}

/** Whether an `if` tests for the preflight: `$request_method = OPTIONS` (or `~ OPTIONS`). */
export function testsPreflight(level: ModelLevel): boolean {
  const condition = level.condition;
  return (
    condition !== undefined &&
    condition.variable === '$request_method' &&
    /^(=|~\*?)$/.test(condition.operator) &&
    /^\^?OPTIONS\$?$/i.test(condition.operand)
  );
}

/** The `if` conditions a level sits in, outermost first. */
export function conditionsOf(level: ModelLevel | undefined): IfCondition[] {
  const conditions: IfCondition[] = [];
  for (let current = level; current; current = current.parent)
    if (current.condition) conditions.unshift(current.condition);
  return conditions;
}

function buildModel(ast: Config, reader: IncludeReader): NginxFileModel {
  const levels = buildLevels(ast, reader);
  const points = levels.all.filter((level) => isResponsePoint(level));
  const policies = points.flatMap((level) => {
    const policy = policyOf(level, levels);
    return policy ? [policy] : [];
  });
  return { levels, points, policies };
}

/**
 * Locations make responses; so does an `if` in a location that writes headers of its own (one that
 * writes none sends its location's), a server with no locations, and a snippet's top level that writes
 * headers (the file is included into some level elsewhere).
 */
function isResponsePoint(level: ModelLevel): boolean {
  switch (level.kind) {
    case 'location':
      return true;
    case 'if':
      return (
        level.parent?.kind === 'location' &&
        (level.addHeaders.length > 0 || level.moreSetHeaders.length > 0)
      );
    case 'server':
      return !level.children.some((child) => child.kind === 'location');
    case 'main':
      return level.addHeaders.length > 0 || level.moreSetHeaders.length > 0;
    default:
      return false;
  }
}

/** The word that holds a write's value in this file; the include directive for a write from another file. */
export function valueHandle(write: NginxHeaderWrite<NginxNode>): NginxNode {
  const at = write.at;
  if (at.type === 'Directive' && at.name.value === 'add_header') return at.args[1]!;
  return at;
}

/** The CORS policy of the headers in effect at `level` after inheritance; undefined when they hold no CORS header. */
export function policyOf(level: ModelLevel, levels: NginxLevels): NginxPolicy | undefined {
  const added = effectiveAddHeaders(level).writes;
  const more = effectiveMoreSetHeaders(level);
  // more_set_headers replaces what add_header wrote for the same name.
  const last = (name: string) => writesOf(more, name).at(-1) ?? writesOf(added, name)[0];
  const allowOrigin = last(ACAO);
  const cors = [ACAC, ACAM, ACAH, ACEH, ACMA].map(last);
  if (!allowOrigin && cors.every((write) => write === undefined)) return undefined;
  const [credentials, methods, headers, expose, maxAge] = cors;
  return {
    source: { kind: 'response-headers' },
    at: (allowOrigin ?? cors.find((write) => write !== undefined))!.at,
    origin: allowOrigin ? originOf(allowOrigin, levels) : { kind: 'disabled', at: level.at },
    credentials: setting(credentials, (value) => value),
    allowMethods: setting(methods, list),
    allowHeaders: setting(headers, list),
    exposeHeaders: setting(expose, list),
    maxAge: setting(maxAge, (value) => value),
    paths: level.location && level.location.modifier !== '@' ? [level.location.path] : [],
    level,
  };
  function list(value: string, write: NginxHeaderWrite<NginxNode>): ListValue<NginxNode> {
    return { pieces: [{ text: value, at: valueHandle(write) }], complete: true };
  }
}

function originOf(
  write: NginxHeaderWrite<NginxNode>,
  levels: NginxLevels,
): OriginSetting<NginxNode> {
  const word = write.module === 'add_header' ? levels.valueWords.get(write) : undefined;
  const at = valueHandle(write);
  if (write.module === 'more_set_headers') {
    const text = write.value;
    if (text === undefined) return { kind: 'unknown', at };
    return text === '*'
      ? { kind: 'wildcard', implicit: false, at }
      : { kind: 'fixed', value: text, at };
  }
  if (!word)
    return write.value === undefined
      ? { kind: 'unknown', at }
      : write.value === '*'
        ? { kind: 'wildcard', implicit: false, at }
        : { kind: 'fixed', value: write.value, at };
  return originSetting(word, at, conditionsOf(levels.writeLevel.get(write)), levels);
}

function setting<T>(
  write: NginxHeaderWrite<NginxNode> | undefined,
  read: (value: string, write: NginxHeaderWrite<NginxNode>) => T,
): Setting<T, NginxNode> {
  if (!write) return { kind: 'absent' };
  const at = valueHandle(write);
  return write.value === undefined
    ? { kind: 'unknown', at }
    : { kind: 'known', value: read(write.value, write), at };
}
