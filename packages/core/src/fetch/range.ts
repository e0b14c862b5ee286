/** Fetch §simple-range-header-value "parse a single range header value", without whitespace. */

import { asciiLowercase } from './ascii.js';

export interface SingleRange {
  readonly start: number | null;
  readonly end: number | null;
}

export function parseSingleRange(value: string): SingleRange | undefined {
  const match = /^([^=]*)=([0-9]*)-([0-9]*)$/.exec(value);
  if (!match) return undefined;
  const [, unit = '', startText = '', endText = ''] = match;
  if (asciiLowercase(unit) !== 'bytes') return undefined;
  const start = startText === '' ? null : Number(startText);
  const end = endText === '' ? null : Number(endText);
  if (start === null && end === null) return undefined;
  if (start !== null && end !== null && start > end) return undefined;
  return { start, end };
}
