/**
 * The fixed origins every scenario is written against, and the Chromium host-resolver rules that
 * map them onto loopback servers listening on port 0. Nothing outside 127.0.0.0/8 is ever contacted:
 * the last rule sends every other host name to ~NOTFOUND.
 */

/** The page that runs the scenario's client (served on 127.0.0.1). */
export const APP_ORIGIN = 'http://app.example.test';
/** The scenario's server (127.0.0.2). Same site as the app (example.test), another origin. */
export const API_ORIGIN = 'http://api.example.test';
/** A foreign page (127.0.0.3). Other attacker host names map to the same server. */
export const ATTACKER_ORIGIN = 'http://attacker.test';

/**
 * A second page of the app's site (served by the attacker page server). Chromium partitions its HTTP
 * cache by top-level site, so only a same-site origin shares the app's cache entries.
 */
export const SAME_SITE_APP_ORIGIN = 'http://admin.example.test';

export const APP_ADDRESS = '127.0.0.1';
export const API_ADDRESS = '127.0.0.2';
export const ATTACKER_ADDRESS = '127.0.0.3';

export interface Ports {
  readonly app: number;
  readonly api: number;
  readonly attacker: number;
}

const HOST_NAME = /^[a-z0-9.-]+$/;

/**
 * An attacker origin the browser can load: its host name mapped to the attacker server. Host names
 * only (the rules map a host on any port); an `https:` example is loaded over `http:`, since the
 * loopback servers speak plain HTTP.
 */
export function attackerPageOrigin(example: string): {
  origin: string;
  host: string;
  downgraded: boolean;
} {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(example) ? example : `http://${example}`;
  const url = new URL(withScheme);
  if (!HOST_NAME.test(url.hostname))
    throw new Error(`attacker example ${example} has a host the oracle cannot map`);
  const port = url.port ? `:${url.port}` : '';
  return {
    origin: `http://${url.hostname}${port}`,
    host: url.hostname,
    downgraded: url.protocol === 'https:',
  };
}

/** `--host-resolver-rules`: the three fixed names, the extra attacker names, then nothing else. */
export function hostResolverRules(ports: Ports, extraAttackerHosts: Iterable<string> = []): string {
  const host = (origin: string) => new URL(origin).hostname;
  const rules = [
    `MAP ${host(APP_ORIGIN)} ${APP_ADDRESS}:${ports.app}`,
    `MAP ${host(API_ORIGIN)} ${API_ADDRESS}:${ports.api}`,
    `MAP ${host(ATTACKER_ORIGIN)} ${ATTACKER_ADDRESS}:${ports.attacker}`,
  ];
  const fixed = new Set([host(APP_ORIGIN), host(API_ORIGIN), host(ATTACKER_ORIGIN)]);
  for (const name of new Set(extraAttackerHosts)) {
    if (fixed.has(name)) continue;
    if (!HOST_NAME.test(name)) throw new Error(`cannot map host name ${JSON.stringify(name)}`);
    rules.push(`MAP ${name} ${ATTACKER_ADDRESS}:${ports.attacker}`);
  }
  rules.push('MAP * ~NOTFOUND');
  return rules.join(', ');
}
