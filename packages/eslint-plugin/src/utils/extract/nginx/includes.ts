/**
 * Reads the files an nginx `include` names, as nginx does: a relative path is taken from nginx's
 * prefix, the directory of the main configuration file, not from the including file's directory
 * (checked on nginx 1.22: `include snip/which.conf` inside `inc/site.conf`, design note §B.1). The
 * prefix is `settings.cors.nginx.prefix` when given, else the nearest directory up from the linted
 * file that holds an `nginx.conf`, else the linted file's own directory. A `*` in the last part of
 * the path is expanded, in name order as nginx sorts it. Each file is read and parsed once per lint run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { Config } from '../../../languages/nginx/ast.js';
import { parseNginx } from '../../../languages/nginx/parse.js';

export interface IncludeReader {
  /** The parsed files `include <target>` brings in; undefined when one cannot be read or parsed. */
  read(target: string): readonly Config[] | undefined;
}

/** Walks up at most this many directories looking for `nginx.conf`. */
const PREFIX_SEARCH_DEPTH = 4;

export function nginxPrefix(filename: string, settings: unknown): string {
  const configured = nginxSetting(settings, 'prefix');
  if (typeof configured === 'string' && configured !== '') return configured;
  let dir = path.dirname(path.resolve(filename));
  for (let step = 0; step <= PREFIX_SEARCH_DEPTH; step++) {
    if (fs.existsSync(path.join(dir, 'nginx.conf'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.dirname(path.resolve(filename));
}

function nginxSetting(settings: unknown, key: string): unknown {
  const cors = isRecord(settings) ? settings['cors'] : undefined;
  const nginx = isRecord(cors) ? cors['nginx'] : undefined;
  return isRecord(nginx) ? nginx[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const parsed = new Map<string, { mtimeMs: number; size: number; config: Config | undefined }>();

function readConfig(file: string): Config | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
  let config: Config | undefined;
  try {
    const result = parseNginx(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    config = result.ok ? result.ast : undefined;
  } catch {
    config = undefined;
  }
  parsed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, config });
  return config;
}

export function includeReader(filename: string, settings: unknown): IncludeReader {
  let prefix: string | undefined;
  return {
    read(target) {
      prefix ??= nginxPrefix(filename, settings);
      const full = path.resolve(prefix, target);
      const base = path.basename(full);
      let files: string[];
      if (/[*?[]/.test(path.dirname(full))) return undefined;
      if (/[*?[]/.test(base)) {
        try {
          files = fs
            .readdirSync(path.dirname(full))
            .filter((name) => minimatch(name, base, { dot: false }))
            .sort()
            .map((name) => path.join(path.dirname(full), name));
        } catch {
          return undefined;
        }
      } else {
        files = [full];
      }
      const configs: Config[] = [];
      for (const file of files) {
        const config = readConfig(file);
        if (!config) return undefined;
        configs.push(config);
      }
      return configs;
    },
  };
}
