/**
 * Is `origin.endsWith(x)` (or `includes`, `indexOf`, `startsWith`) a safe allow-list test?
 * The attacker controls the whole host of their own origin, so a check is unsafe exactly when some
 * origin on a domain they can register passes it. Each verdict is backed by such an origin.
 */

import { parseOrigin } from './origin.js';
import { isSharedHostingDomain } from './shared-hosting.js';

export type SubstringSubject = 'origin' | 'hostname';
export type SubstringMethod = 'includes' | 'indexOf' | 'startsWith' | 'endsWith';
export type SubstringCheckVerdict =
  | { safe: true }
  | {
      safe: false;
      reason: 'no-dot-boundary' | 'no-end-boundary' | 'substring';
      attackerExample: string;
    }
  /** `endsWith('.onrender.com')`: every name on a shared hosting domain, the attacker's among them (shared-hosting.ts). */
  | { safe: false; reason: 'shared-hosting'; domain: string; attackerExample: string };

/** A domain the attacker owns; every generated example ends in it or is built to sit beside the target domain. */
const ATTACKER = 'attacker.test';

const HOSTNAME = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$/;

function isValid(subject: SubstringSubject, candidate: string): boolean {
  return subject === 'origin' ? parseOrigin(candidate) !== undefined : HOSTNAME.test(candidate);
}

function passes(method: SubstringMethod, candidate: string, argument: string): boolean {
  switch (method) {
    case 'includes':
    case 'indexOf':
      return candidate.includes(argument);
    case 'startsWith':
      return candidate.startsWith(argument);
    case 'endsWith':
      return candidate.endsWith(argument);
  }
}

/** Attacker-owned values to try, best example first. */
function candidates(
  subject: SubstringSubject,
  method: SubstringMethod,
  argument: string,
): string[] {
  const scheme = subject === 'origin' ? 'https://' : '';
  switch (method) {
    case 'includes':
    case 'indexOf':
      return [
        `${scheme}${argument}.${ATTACKER}`,
        `${argument}.${ATTACKER}`,
        `${scheme}${argument}${ATTACKER}`,
        `${scheme}attacker${argument}.${ATTACKER}`,
        `${scheme}attacker-${argument}.${ATTACKER}`,
        `${scheme}${ATTACKER}`,
      ];
    case 'startsWith':
      // Whatever follows the argument becomes the end of the host, so the attacker's domain closes it.
      return [
        `${argument}.${ATTACKER}`,
        `${argument}${ATTACKER}`,
        `${argument}-${ATTACKER}`,
        `${argument}://${ATTACKER}`,
        `${argument}//${ATTACKER}`,
        `${argument}/${ATTACKER}`,
        `${argument}s://${ATTACKER}`,
      ];
    case 'endsWith':
      // Leading `:` pins only the port; any other start glues onto a registrable name like `attackerexample.com`.
      return argument.startsWith(':')
        ? [`${scheme}${ATTACKER}${argument}`]
        : [`${scheme}attacker${argument}`, `${scheme}attacker-${argument}`];
  }
}

/** A dot-led suffix names whole subdomains; a `//` pins the whole host. Nothing the attacker owns can end with either. */
function endsWithIsAnchored(argument: string): boolean {
  return argument.startsWith('.') || argument.includes('//');
}

const REASONS = {
  includes: 'substring',
  indexOf: 'substring',
  startsWith: 'no-end-boundary',
  endsWith: 'no-dot-boundary',
} as const;

export function classifyOriginSubstringCheck(
  subject: SubstringSubject,
  method: SubstringMethod,
  argument: string,
): SubstringCheckVerdict {
  if (method === 'endsWith' && endsWithIsAnchored(argument)) {
    // A dot-led suffix names the subdomains of one domain; on a shared hosting domain those are anyone's.
    const domain = argument.startsWith('.') ? argument.slice(1).toLowerCase() : undefined;
    if (domain && isSharedHostingDomain(domain))
      return {
        safe: false,
        reason: 'shared-hosting',
        domain,
        attackerExample: `${subject === 'origin' ? 'https://' : ''}attacker.${domain}`,
      };
    return { safe: true };
  }
  for (const candidate of candidates(subject, method, argument)) {
    if (
      candidate !== argument &&
      isValid(subject, candidate) &&
      passes(method, candidate, argument)
    ) {
      return { safe: false, reason: REASONS[method], attackerExample: candidate };
    }
  }
  // No attacker-owned origin passes: the check is exact enough, or can never match at all.
  return { safe: true };
}

/**
 * What a weak substring check most plausibly meant, as a check an attacker cannot pass:
 * - `exact`: the argument is a whole origin (or host name): compare with `===`;
 * - `domain`: the argument is a domain: accept it and its subdomains, on any scheme the argument
 *   allows, anchored at both ends (`^https?://(?:[a-z0-9-]+\.)*example\.com(?::\d+)?$` for origins).
 * Undefined when the intent cannot be read from the argument.
 */
export type SafeOriginCheck =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'domain'; readonly pattern: string };

export function safeReplacementForSubstringCheck(
  subject: SubstringSubject,
  argument: string,
): SafeOriginCheck | undefined {
  const trimmed = argument.trim().toLowerCase();
  if (subject === 'origin') {
    const origin = parseOrigin(trimmed);
    if (origin) return { kind: 'exact', value: trimmed };
  } else if (HOSTNAME.test(trimmed) && trimmed.includes('.') && !trimmed.startsWith('.')) {
    // The subdomains of a shared hosting domain are anyone's: no domain pattern can stand for the intent.
    if (isSharedHostingDomain(trimmed)) return undefined;
    return { kind: 'domain', pattern: `^(?:[a-z0-9-]+\\.)*${escapeForRegExp(trimmed)}$` };
  }
  // `example.com`, `.example.com`, `//example.com`, `https://example.com` prefixes: a domain.
  const match = /^(?:(https?):)?(?:\/\/)?\.?((?:[a-z0-9-]+\.)+[a-z0-9-]+)$/.exec(trimmed);
  if (!match || subject !== 'origin' || isSharedHostingDomain(match[2]!)) return undefined;
  const scheme = match[1] ? escapeForRegExp(match[1]) : 'https?';
  return {
    kind: 'domain',
    pattern: `^${scheme}:\\/\\/(?:[a-z0-9-]+\\.)*${escapeForRegExp(match[2]!)}(?::\\d+)?$`,
  };
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
