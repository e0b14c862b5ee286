/** Policies for check tests: handles are plain strings naming where a value would be in source. */
import type { CorsPolicy, ListValue, OriginSetting, Setting } from '../../src/index.js';

export type TestPolicy = CorsPolicy<string>;

const absent = { kind: 'absent' } as const;

export function middleware(overrides: Partial<TestPolicy> = {}): TestPolicy {
  return {
    source: { kind: 'middleware', library: 'cors' },
    at: 'call',
    origin: { kind: 'wildcard', implicit: true, at: 'call' },
    credentials: { kind: 'default', value: false },
    allowMethods: absent,
    allowHeaders: absent,
    exposeHeaders: absent,
    maxAge: absent,
    paths: [],
    ...overrides,
  };
}

export function headers(overrides: Partial<TestPolicy> = {}): TestPolicy {
  return {
    ...middleware(),
    source: { kind: 'response-headers' },
    at: 'first-header',
    origin: { kind: 'unknown', at: 'first-header' },
    credentials: absent,
    ...overrides,
  };
}

export const known = <T>(value: T, at: string): Setting<T, string> => ({
  kind: 'known',
  value,
  at,
});

export const list = (
  at: string,
  ...pieces: [text: string, at: string][]
): Setting<ListValue<string>, string> =>
  known({ pieces: pieces.map(([text, pieceAt]) => ({ text, at: pieceAt })), complete: true }, at);

export const origin = (setting: OriginSetting<string>): Pick<TestPolicy, 'origin'> => ({
  origin: setting,
});
