/**
 * The files each of the plugin's own languages lints, by name: the configs' `files`, and the test
 * the tools that pick files themselves (`cors-lint`, the language server, the project index) use.
 */
import { Minimatch } from 'minimatch';

/**
 * Django settings modules the configs lint with `cors/django-settings`. Projects that keep settings
 * under other names add their own block with `files` and `language: 'cors/django-settings'`.
 */
export const DJANGO_SETTINGS_FILES = ['**/settings.py', '**/settings/*.py'];

/**
 * The files the nginx block lints: the names nginx's own layout and its packages use. Files of a
 * `sites-…` folder have no extension; `**\/sites-*\/?*` picks them up where `**\/sites-*\/*` would not:
 * ESLint takes a pattern ending in `/*` for a catch-all that selects no file by itself, in `eslint .`
 * and even for a file named on the command line (checked on ESLint 10.15; see the README).
 */
export const NGINX_FILES: readonly string[] = [
  '**/nginx.conf',
  '**/*.nginx',
  '**/*.nginx.conf',
  '**/nginx/**/*.conf',
  '**/conf.d/*.conf',
  '**/sites-*/?*',
];

/** Code in a folder that happens to be called `sites-…` stays JavaScript or TypeScript. */
export const NGINX_IGNORES: readonly string[] = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,json,md}'];

/**
 * Whether a path is one of the nginx files the configs lint, for tools that pick files themselves
 * (`cors-lint`, the language server): the same patterns as the nginx block's `files`.
 */
export function isNginxConfigPath(filePath: string): boolean {
  const normalized = filePath.replaceAll('\\', '/');
  // Compiled once: the project index asks this of every file of a project.
  nginxMatchers ??= {
    files: NGINX_FILES.map((pattern) => new Minimatch(pattern, { dot: true })),
    ignores: NGINX_IGNORES.map((pattern) => new Minimatch(pattern, { dot: true })),
  };
  return (
    nginxMatchers.files.some((matcher) => matcher.match(normalized)) &&
    !nginxMatchers.ignores.some((matcher) => matcher.match(normalized))
  );
}

let nginxMatchers: { files: Minimatch[]; ignores: Minimatch[] } | undefined;
