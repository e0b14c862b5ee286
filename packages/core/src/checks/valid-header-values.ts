import type { Finding } from '../findings.js';
import { parseHeaderList } from '../fetch/header-names.js';
import { isCorsSafelistedMethod } from '../fetch/methods.js';
import { ACAH, ACEH } from '../fetch/response-headers.js';
import {
  validateAllowCredentialsValue,
  validateHeaderListPiece,
  validateMaxAge,
  validateMethodListPiece,
} from '../headers/validate-header-values.js';
import type { CorsPolicy, ListValue, Setting } from '../policy/cors-policy.js';

/**
 * Header values browsers reject or ignore (Fetch §http-new-header-syntax): credentials other than
 * the exact `true`, lists that are not comma-separated tokens, lowercase methods (compared
 * case-sensitively, §cors-preflight-fetch), and max-age that is not a non-negative integer.
 */
export interface HeaderValuesOptions {
  /**
   * Also report a max-age above a browser's cap. It works (the browser caches for its cap instead),
   * so it is a note for `strict`, not an error.
   */
  readonly maxAgeAboveCap?: boolean;
}

export function checkHeaderValues<H>(
  policy: CorsPolicy<H>,
  options: HeaderValuesOptions = {},
): Finding<H>[] {
  const maxAge = checkMaxAge(policy.maxAge).filter(
    (finding) => options.maxAgeAboveCap || finding.messageId !== 'maxAgeCapped',
  );
  return [
    ...checkCredentials(policy),
    ...checkMethods(policy.allowMethods),
    ...checkHeaderList(policy.allowHeaders, ACAH),
    ...checkHeaderList(policy.exposeHeaders, ACEH),
    ...maxAge,
  ];
}

function checkCredentials<H>(policy: CorsPolicy<H>): Finding<H>[] {
  const setting = policy.credentials;
  if (setting.kind !== 'known') return [];
  if (policy.source.kind === 'middleware') {
    // Libraries send the header only for the boolean; a string 'true' is silently ignored.
    if (typeof setting.value === 'boolean') return [];
    const looksTrue = setting.value.trim().toLowerCase() === 'true';
    return [
      {
        messageId: 'credentialsNotBoolean',
        data: { value: `'${setting.value}'` },
        at: setting.at,
        suggestions: looksTrue
          ? [
              {
                messageId: 'useTrue',
                data: { fixed: 'true' },
                fix: { kind: 'replace-value', at: setting.at, value: true },
              },
            ]
          : [],
      },
    ];
  }
  const raw = String(setting.value);
  // 'false' says "no credentials" on purpose; browsers read anything but 'true' that way.
  if (raw.trim().toLowerCase() === 'false') return [];
  const verdict = validateAllowCredentialsValue(raw);
  if (verdict.ok) return [];
  // Turning credentials on changes who may read: offered, never applied automatically.
  const suggestions =
    verdict.fixed === undefined
      ? []
      : [
          {
            messageId: 'useTrue',
            data: { fixed: `'${verdict.fixed}'` },
            fix: { kind: 'replace-value', at: setting.at, value: verdict.fixed } as const,
          },
        ];
  return [{ messageId: 'credentialsNotTrue', data: { value: raw }, at: setting.at, suggestions }];
}

function checkMethods<H>(setting: Setting<ListValue<H>, H>): Finding<H>[] {
  if (setting.kind !== 'known') return [];
  return setting.value.pieces.flatMap((piece): Finding<H>[] => {
    const problems = validateMethodListPiece(piece.text);
    const separator = problems.find((p) => p.kind === 'separator');
    const lowercase = problems.find((p) => p.kind === 'lowercase-method');
    const invalid = problems.find((p) => p.kind === 'invalid-token');
    if (invalid?.kind === 'invalid-token')
      return [
        {
          messageId: 'invalidToken',
          data: { token: invalid.token, header: 'Access-Control-Allow-Methods' },
          at: piece.at,
        },
      ];
    if (separator?.kind === 'separator') {
      const method =
        parseHeaderList(piece.text.replace(/[\s;]+/g, ',')).items.find(
          (m) => !isCorsSafelistedMethod(m.toUpperCase()),
        ) ?? 'PUT';
      // The separator fix also uppercases when needed: both have one certain meaning.
      const fixed =
        lowercase?.kind === 'lowercase-method'
          ? validateMethodListPiece(separator.fixed).reduce(
              (text, p) => (p.kind === 'lowercase-method' ? p.fixed : text),
              separator.fixed,
            )
          : separator.fixed;
      return [
        {
          messageId: 'methodsSeparator',
          data: { value: piece.text, method: method.toUpperCase() },
          at: piece.at,
          fix: { kind: 'replace-value', at: piece.at, value: fixed } as const,
        },
      ];
    }
    if (lowercase?.kind === 'lowercase-method') {
      return [
        {
          messageId: 'lowercaseMethod',
          data: { method: lowercase.method, upper: lowercase.method.toUpperCase() },
          at: piece.at,
          fix: { kind: 'replace-value', at: piece.at, value: lowercase.fixed } as const,
        },
      ];
    }
    return [];
  });
}

function checkHeaderList<H>(setting: Setting<ListValue<H>, H>, header: string): Finding<H>[] {
  if (setting.kind !== 'known') return [];
  return setting.value.pieces.flatMap((piece): Finding<H>[] => {
    const problems = validateHeaderListPiece(piece.text);
    const invalid = problems.find((p) => p.kind === 'invalid-token');
    if (invalid?.kind === 'invalid-token')
      return [{ messageId: 'invalidToken', data: { token: invalid.token, header }, at: piece.at }];
    const separator = problems.find((p) => p.kind === 'separator');
    if (separator?.kind !== 'separator') return [];
    const fix = { kind: 'replace-value', at: piece.at, value: separator.fixed } as const;
    if (header === ACEH)
      return [{ messageId: 'exposeSeparator', data: { value: piece.text }, at: piece.at, fix }];
    // Chrome names the first request header the joined "name" fails to cover.
    const first = parseHeaderList(separator.fixed).items[0]?.toLowerCase() ?? '';
    return [
      {
        messageId: 'headersSeparator',
        data: { list: header, value: piece.text, header: first },
        at: piece.at,
        fix,
      },
    ];
  });
}

function checkMaxAge<H>(setting: Setting<number | string, H>): Finding<H>[] {
  if (setting.kind !== 'known') return [];
  const value = setting.value;
  const verdict = validateMaxAge(value);
  if (verdict.ok === true) return [];
  if (verdict.ok === 'capped') {
    const browser =
      verdict.browser === 'chromium'
        ? "Chromium's 7200-second"
        : "Chromium's (7200 s) and Firefox's (86400 s)";
    const cap = verdict.cap;
    return [
      {
        messageId: 'maxAgeCapped',
        data: { value: String(value), browser, cap: String(cap) },
        at: setting.at,
        suggestions: [
          {
            messageId: 'useMaxAge',
            data: { fixed: String(cap) },
            fix: {
              kind: 'replace-value',
              at: setting.at,
              value: typeof value === 'number' ? cap : String(cap),
            },
          },
        ],
      },
    ];
  }
  const messageId = verdict.kind === 'negative' ? 'maxAgeNegative' : 'maxAgeNotInteger';
  const fixed = verdict.fixed;
  return [
    {
      messageId,
      data: { value: String(value) },
      at: setting.at,
      ...(fixed === undefined
        ? {}
        : {
            fix: {
              kind: 'replace-value',
              at: setting.at,
              value: typeof value === 'number' ? Number(fixed) : fixed,
            } as const,
          }),
    },
  ];
}
