/**
 * The repaired pattern a suggestion may offer: only one that leaves nothing to report and still
 * does the pattern's job. Anchoring `.*` gives a pattern that still matches every origin, and
 * anchoring `^https?:` one that matches no origin at all; neither is offered.
 */
import { schemesMatchingEveryOrigin } from '../../utils/extract/values/pattern-matches-every-origin.js';
import type { PatternRepair } from './regex-weaknesses.js';
import { analyseOriginRegex, originFor, sampleOf } from './regex-weaknesses.js';

export function verifiedRepair(
  source: string,
  flags: string,
  repair: PatternRepair | undefined,
): PatternRepair | undefined {
  if (!repair) return undefined;
  const fixed = repair.source;
  if (
    analyseOriginRegex(fixed, flags).weaknesses.length > 0 ||
    schemesMatchingEveryOrigin(fixed, flags).length > 0
  )
    return undefined;
  // The origin the pattern was written for must still pass: `.example\.com$` was written for
  // `https://a.example.com`, `example\.com$` for `https://example.com`.
  const sample = sampleOf(source, flags);
  const intended = sample === undefined ? undefined : originFor(sample);
  return intended !== undefined && matches(fixed, flags, intended) ? repair : undefined;
}

function matches(source: string, flags: string, text: string): boolean {
  try {
    return new RegExp(source, flags).test(text);
  } catch {
    return false;
  }
}
