import path from 'node:path';
import type { CandidateRule } from 'cors-lint-core';
import { ACAO, checkUpstreamAllowOrigin, messagesFor, upstreamRules } from 'cors-lint-core';
import type { Config } from '../languages/nginx/ast.js';
import { createRule } from '../utils/create-rule.js';
import type { LocationMatch, ModelLevel } from '../utils/extract/nginx/levels.js';
import { hiddenHeaders, passOf } from '../utils/extract/nginx/levels.js';
import { upstreamBlocks, upstreamOf } from '../utils/extract/nginx/upstreams.js';
import { nginxFileOf, onNginx } from '../utils/nginx-report.js';
import { projectFactsOf } from '../utils/project-contract.js';

export type Options = [];
export type MessageIds = Extract<
  keyof ReturnType<typeof messagesFor<'nginx-require-proxy-hide-header'>>,
  string
>;

/**
 * Whether the app behind nginx sets CORS itself is in another file: the project index says. The rule
 * reports only where it knows (every rule of the app that may answer the location's paths sends
 * Access-Control-Allow-Origin), and is silent without the index (`cors.configs.project()`), for an
 * upstream the index does not find, and for one that sends no CORS: `proxy_hide_header` is then no fix.
 */
export default createRule<Options, MessageIds>({
  name: 'nginx-require-proxy-hide-header',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `proxy_hide_header Access-Control-Allow-Origin` where nginx adds the header to the response of an app that sets it too',
      recommended: 'strict',
      languages: ['cors/nginx'],
    },
    hasSuggestions: true,
    messages: messagesFor('nginx-require-proxy-hide-header'),
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onNginx(context, (model, report) => {
      const passing = model.points.flatMap((point) => {
        const pass = passOf(point);
        // A `return` answers before the request is passed on (the preflight's `if … return 204`).
        return pass && !point.answers && pass.module === 'proxy' ? [{ point, pass }] : [];
      });
      if (passing.length === 0) return;
      const facts = projectFactsOf(context);
      if (!facts) return;
      const self = path.relative(facts.root, context.filename).split(path.sep).join('/');
      const surfaces = facts.surfaces.filter((surface) => surface.file !== self);
      if (surfaces.length === 0) return;
      const blocks = upstreamBlocks(nginxFileOf(context).ast as Config);
      for (const { point, pass } of passing) {
        const location = locationOf(point);
        const upstream = upstreamOf(pass.at, location, blocks);
        if (!upstream) continue;
        const app = appSettingAllowOrigin(
          upstreamRules(surfaces, undefined, upstream, requestPath(location), undefined),
        );
        if (app === undefined) continue;
        const hidesAllowOrigin = hiddenHeaders(point, pass.module).has(ACAO.toLowerCase());
        report(
          checkUpstreamAllowOrigin(
            point,
            { at: pass.at, module: pass.module, hidesAllowOrigin },
            `${app.file}:${app.line}`,
          ),
        );
      }
    });
  },
});

/** The location a response point is in (an `if` is in its location). */
function locationOf(point: ModelLevel): LocationMatch | undefined {
  for (let current: ModelLevel | undefined = point; current; current = current.parent)
    if (current.kind === 'location') return current.location;
  return undefined;
}

/** The requests a location answers, as a path whose start is known: all of them for a regex or named one. */
function requestPath(location: LocationMatch | undefined): { path: string; partial: boolean } {
  if (location?.modifier === '=') return { path: location.path, partial: false };
  if (location && (location.modifier === '' || location.modifier === '^~'))
    return { path: location.path, partial: true };
  return { path: '/', partial: true };
}

/**
 * Where the app sets Access-Control-Allow-Origin, when every rule of it that may answer does (a
 * policy whose origin setting is read and not switched off); undefined otherwise.
 */
function appSettingAllowOrigin(candidates: readonly CandidateRule[]) {
  if (candidates.length === 0) return undefined;
  for (const { rule } of candidates) {
    const policy = rule.policy;
    if (policy === 'none' || policy === 'unknown') return undefined;
    if (policy.origin.kind === 'unknown' || policy.origin.kind === 'disabled') return undefined;
  }
  const [first] = candidates;
  const policy = first!.rule.policy;
  return policy === 'none' || policy === 'unknown' ? undefined : policy.at;
}
