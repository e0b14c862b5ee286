/**
 * The route rules of one Django settings module, as plain data for the project index: what
 * django-cors-headers' middleware answers, from the same policies the Django rules read
 * (`djangoSettingsModel`, one per consistent choice of `if` branches). Each policy is one rule
 * covering the paths `CORS_URLS_REGEX` admits (`re.match` on `path_info`: anchored at the start),
 * every path by default; the middleware answers the preflight itself (design note §D.1).
 *
 * - Settings the module does not write get the library's defaults (`CORS_ALLOW_HEADERS`,
 *   `CORS_ALLOW_METHODS`); with the version unknown, the 3.x header list, the larger one.
 * - A module whose `MIDDLEWARE` certainly lacks `CorsMiddleware` answers no CORS at all: that is
 *   `require-django-cors-middleware`'s finding, and no contract rule repeats it.
 * - The server is reached at `manage.py runserver`'s default address; other addresses come only
 *   from a proxy in front (nginx `proxy_pass`) or the route-less fallback, which a catch-all never joins.
 */
import type {
  CorsPolicy,
  ListValue,
  PathMatcher,
  RouteRule,
  ServerSurface,
  Setting,
  SourceRef,
} from 'cors-lint-core';
import {
  DJANGO_CORS_DEFAULT_HEADERS_3,
  DJANGO_CORS_DEFAULT_METHODS,
  DJANGO_CORS_DEFAULT_URLS_REGEX,
  DJANGO_CORS_MIDDLEWARE,
} from 'cors-lint-core';
import type { Module, PyNode } from '../../languages/django-settings/ast.js';
import { setAlternatives } from '../../utils/extract/django/settings-facts.js';
import {
  djangoSettingsModel,
  listHas,
  pythonPatternAsJs,
} from '../../utils/extract/django/settings-policies.js';
import { serialisePolicy } from './js.js';

/** Where `manage.py runserver` listens unless told otherwise. */
const RUNSERVER_ORIGINS = ['http://localhost:8000', 'http://127.0.0.1:8000'];

export function djangoServerSurface(module: Module, file: string): ServerSurface | undefined {
  const model = djangoSettingsModel(module);
  if (!model.usesCorsHeaders || model.policies.length === 0) return undefined;
  const { evaluation } = model;
  const middleware = setAlternatives(evaluation, 'MIDDLEWARE');
  if (
    middleware.length > 0 &&
    !evaluation.starImport &&
    middleware.every(
      ({ value }) =>
        value.kind === 'list' &&
        value.complete &&
        !listHas(value, (text) => text === DJANGO_CORS_MIDDLEWARE),
    )
  )
    return undefined;
  const ref = (node: PyNode): SourceRef => ({
    file,
    line: node.loc.start.line,
    column: node.loc.start.column,
  });
  const match = urlsMatcher(setAlternatives(evaluation, 'CORS_URLS_REGEX'));
  const routes = model.policies.map((policy): RouteRule => {
    const serialised = withDefaults(serialisePolicy<PyNode>(policy, ref));
    return {
      match,
      methods: 'any',
      policy: serialised,
      preflight: 'answered',
      source: serialised.at,
      specific: match.kind !== 'any',
    };
  });
  return { file, origins: RUNSERVER_ORIGINS, routes, responseHeaders: [] };
}

/** `CORS_URLS_REGEX` as a matcher: a regex anchored at the start, every path for the default or an unreadable value. */
function urlsMatcher(alternatives: ReturnType<typeof setAlternatives>): PathMatcher {
  const [only, ...others] = alternatives;
  if (!only || others.length > 0 || only.value.kind !== 'str') return { kind: 'any' };
  const pattern = only.value.value;
  if (pattern === DJANGO_CORS_DEFAULT_URLS_REGEX) return { kind: 'any' };
  return { kind: 'regex', source: `^(?:${pythonPatternAsJs(pattern)})`, flags: '' };
}

/** The library's defaults where the module writes nothing (the policy says `absent`). */
function withDefaults(policy: CorsPolicy<SourceRef>): CorsPolicy<SourceRef> {
  const byDefault = (
    setting: Setting<ListValue<SourceRef>, SourceRef>,
    names: readonly string[],
  ): Setting<ListValue<SourceRef>, SourceRef> =>
    setting.kind === 'absent'
      ? {
          kind: 'default',
          value: { pieces: [{ text: names.join(', '), at: policy.at }], complete: true },
        }
      : setting;
  return {
    ...policy,
    allowHeaders: byDefault(policy.allowHeaders, DJANGO_CORS_DEFAULT_HEADERS_3),
    allowMethods: byDefault(policy.allowMethods, DJANGO_CORS_DEFAULT_METHODS),
  };
}
