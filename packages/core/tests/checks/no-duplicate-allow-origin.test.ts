/**
 * checkDuplicateAllowOrigin: a sequence of Access-Control-Allow-Origin writes on one response in,
 * a finding for the last write when it leaves a second value. Handles are strings.
 */
import { describe, expect, it } from 'vitest';
import type { AllowOriginWrite } from '../../src/index.js';
import { browserEffect, checkDuplicateAllowOrigin, messagesFor } from '../../src/index.js';

const middleware = (value?: string): AllowOriginWrite<string> => ({
  kind: 'replace',
  label: 'cors()',
  line: 3,
  transport: 'node',
  at: 'cors',
  ...(value === undefined ? {} : { value }),
});
const setHeader = (value: string, at = 'set'): AllowOriginWrite<string> => ({
  kind: 'replace',
  label: 'res.setHeader',
  line: 5,
  value,
  transport: 'node',
  at,
});
const append = (
  value: string,
  at = 'append',
  transport: 'node' | 'fetch-headers' = 'node',
): AllowOriginWrite<string> => ({
  kind: 'append',
  label: transport === 'node' ? 'res.append' : 'headers.append',
  line: 7,
  value,
  transport,
  at,
});

describe('checkDuplicateAllowOrigin', () => {
  const cases: [
    string,
    AllowOriginWrite<string>[],
    AllowOriginWrite<string>,
    { messageId: string; value: string; earlier: string } | undefined,
  ][] = [
    ['a single append', [], append('a'), undefined],
    [
      'setHeader after the middleware replaces its value',
      [middleware('*')],
      setHeader('a'),
      undefined,
    ],
    [
      'append after the middleware',
      [middleware('*')],
      append('*'),
      { messageId: 'duplicateAllowOrigin', value: '*, *', earlier: 'cors()' },
    ],
    [
      'append after a middleware whose value depends on the request',
      [middleware()],
      append('https://a.test'),
      { messageId: 'duplicateAllowOrigin', value: '…, https://a.test', earlier: 'cors()' },
    ],
    [
      'append after setHeader',
      [setHeader('a')],
      append('b'),
      { messageId: 'duplicateAllowOrigin', value: 'a, b', earlier: 'res.setHeader' },
    ],
    [
      'append twice',
      [append('a', 'first')],
      append('a'),
      { messageId: 'duplicateAllowOrigin', value: 'a, a', earlier: 'res.append' },
    ],
    [
      'a replace in between starts over',
      [append('a', 'first'), append('b', 'second'), setHeader('c')],
      append('d'),
      { messageId: 'duplicateAllowOrigin', value: 'c, d', earlier: 'res.setHeader' },
    ],
    [
      'fetch Headers join appended values into one line',
      [setHeader('a')],
      append('b', 'append', 'fetch-headers'),
      { messageId: 'joinedAllowOrigin', value: 'a, b', earlier: 'res.setHeader' },
    ],
  ];
  it.each(cases)('%s', (_name, before, write, expected) => {
    const findings = checkDuplicateAllowOrigin({ before, write });
    if (!expected) {
      expect(findings).toEqual([]);
      return;
    }
    const data = {
      value: expected.value,
      earlier: expected.earlier,
      line: String(before.find((w) => w.label === expected.earlier)?.line),
    };
    expect(findings).toEqual([
      {
        messageId: expected.messageId,
        data,
        at: write.at,
        suggestions: [{ messageId: 'removeAppended', data, fix: { kind: 'remove', at: write.at } }],
      },
    ]);
    const templates = messagesFor('no-duplicate-allow-origin') as Record<string, string>;
    for (const template of [templates[expected.messageId]!, templates['removeAppended']!]) {
      for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g))
        expect(data).toHaveProperty(name!);
    }
  });

  it('states what each browser shows', () => {
    expect(browserEffect('no-duplicate-allow-origin', 'duplicateAllowOrigin')).toEqual({
      kind: 'blocked',
      failure: 'multiple-allow-origin-lines',
    });
    expect(browserEffect('no-duplicate-allow-origin', 'joinedAllowOrigin')).toEqual({
      kind: 'blocked',
      failure: 'multiple-allow-origin-values',
    });
    expect(messagesFor('no-duplicate-allow-origin').duplicateAllowOrigin).toContain(
      'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed',
    );
    expect(messagesFor('no-duplicate-allow-origin').joinedAllowOrigin).toContain(
      'does not match ‘{{value}}’',
    );
  });
});
