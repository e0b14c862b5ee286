/**
 * The origins the app's own pages are served from, which decide whether a request is cross-origin:
 * a rule's `appOrigins` option, else the shared `settings.cors.appOrigins` (which the language
 * server fills from its `cors.appOrigins` setting).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { toAppOrigin } from 'cors-lint-core';

/** The `appOrigins` property of a client rule's options schema. */
export const APP_ORIGINS_SCHEMA: JSONSchema4 = {
  type: 'array',
  items: { type: 'string' },
  description:
    "Origins the app's pages are served from (scheme://host[:port]); requests to them are same-origin. Overrides `settings.cors.appOrigins`. Without either, every absolute http(s) URL is cross-origin.",
};

/**
 * The option when given, else the setting, each read as core's `toAppOrigin` reads it (a URL that is
 * just an origin is taken as that origin); other entries (a path, a bare host name) are skipped.
 */
export function readAppOrigins(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  option: readonly unknown[] | undefined,
): string[] {
  const listed = option ?? settingOrigins(context.settings);
  const origins = listed.flatMap((entry) => {
    const origin = typeof entry === 'string' ? toAppOrigin(entry) : undefined;
    return origin === undefined ? [] : [origin];
  });
  return [...new Set(origins)];
}

function settingOrigins(settings: unknown): readonly unknown[] {
  const cors = isRecord(settings) ? settings['cors'] : undefined;
  const origins = isRecord(cors) ? cors['appOrigins'] : undefined;
  return Array.isArray(origins) ? origins : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
