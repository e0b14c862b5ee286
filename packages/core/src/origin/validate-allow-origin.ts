/**
 * Why a written `Access-Control-Allow-Origin` value can never match a browser's `Origin`
 * (Fetch §cors-check step 4 compares bytes exactly), with the value the writer most likely meant.
 */

import { asciiLowercase } from '../fetch/ascii.js';
import { PLACEHOLDER_ORIGIN } from '../findings.js';
import { DEFAULT_PORTS, parseOrigin, serializeOrigin } from './origin.js';

export type AllowOriginProblem =
  | { kind: 'trailing-slash' | 'path' | 'uppercase' | 'default-port'; fixed: string }
  | { kind: 'multiple'; origins: string[] }
  | { kind: 'wildcard-subdomain'; scheme: string; suffix: string; port?: string }
  | { kind: 'no-scheme'; fixed: string }
  | { kind: 'invalid' }
  /** The placeholder a suggestion wrote because no app origins were configured. */
  | { kind: 'placeholder' };

// An origin as someone might write it: any case, maybe a port and anything after the host.
const LOOSE_ORIGIN =
  /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/?#:@[\]]*)(?::([0-9]*))?([/?#].*)?$/s;
// A domain (`*.` allowed so wildcards can be recognised), or a bracketed IPv6 address.
const LOOSE_HOST = /^(?:(?:\*\.)?[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])$/;
// A scheme-less value taken for a host: a dotted name, localhost or IPv6, maybe with port and path.
const SCHEMELESS =
  /^(?:\/\/)?((?:\*\.)?(?:[A-Za-z0-9_-]+\.)+[A-Za-z0-9_-]+\.?|localhost|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?(?:[/?#].*)?$/is;
// A serialized port: decimal, no leading zeros.
const PORT = /^(?:0|[1-9][0-9]{0,4})$/;

const INVALID: AllowOriginProblem[] = [{ kind: 'invalid' }];

/** Problems of one `Access-Control-Allow-Origin` value; `[]` when it is `*`, `null` or a serialized origin. */
export function validateAllowOriginValue(value: string): AllowOriginProblem[] {
  // Browsers strip surrounding whitespace from header values, so it is harmless.
  const text = value.trim();
  if (text === '*' || text === 'null' || parseOrigin(text) !== undefined) return [];
  if (text === PLACEHOLDER_ORIGIN) return [{ kind: 'placeholder' }];

  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  if (parts.length > 1) {
    const allLookLikeOrigins = parts.every(
      (part) => LOOSE_ORIGIN.test(part) || SCHEMELESS.test(part),
    );
    return allLookLikeOrigins ? [{ kind: 'multiple', origins: parts }] : [...INVALID];
  }

  if (text.includes('://')) return analyse(text, false);
  if (!SCHEMELESS.test(text)) return [...INVALID];
  // Guess https: the scheme of nearly every deployed front end.
  return analyse(`https://${text.replace(/^\/\//, '')}`, true);
}

/** Problems of one origin-like value. Fixable problems all carry the same, fully normalized origin. */
function analyse(text: string, schemeGuessed: boolean): AllowOriginProblem[] {
  const match = LOOSE_ORIGIN.exec(text);
  if (!match) return [...INVALID];
  const [, rawScheme = '', rawHost = '', rawPort, rest = ''] = match;
  if (!LOOSE_HOST.test(rawHost)) return [...INVALID];
  // An empty port, leading zeros or one out of range is not a mistake we can name.
  if (rawPort !== undefined && (!PORT.test(rawPort) || Number(rawPort) > 65535))
    return [...INVALID];

  const scheme = asciiLowercase(rawScheme);
  const host = asciiLowercase(rawHost);
  const isDefaultPort = rawPort !== undefined && DEFAULT_PORTS[scheme] === rawPort;
  const port = isDefaultPort ? undefined : rawPort;

  if (host.startsWith('*.')) {
    const suffix = host.slice(2);
    return [
      port === undefined
        ? { kind: 'wildcard-subdomain', scheme, suffix }
        : { kind: 'wildcard-subdomain', scheme, suffix, port },
    ];
  }

  const fixed = serializeOrigin({ scheme, host, port });
  const problems: AllowOriginProblem[] = [];
  if (schemeGuessed) problems.push({ kind: 'no-scheme', fixed });
  if (scheme !== rawScheme || host !== rawHost) problems.push({ kind: 'uppercase', fixed });
  if (isDefaultPort) problems.push({ kind: 'default-port', fixed });
  if (rest === '/') problems.push({ kind: 'trailing-slash', fixed });
  else if (rest !== '') problems.push({ kind: 'path', fixed });
  // No nameable problem, yet not a serialized origin (e.g. an IPv6 literal the strict grammar rejects).
  return problems.length > 0 && parseOrigin(fixed) !== undefined ? problems : [...INVALID];
}
