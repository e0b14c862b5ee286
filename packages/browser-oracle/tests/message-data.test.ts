/**
 * The oracle reads a message's placeholders back from its text (ESLint keeps no `data`): the header a
 * client effect names, the member a script reads, the blank it gets.
 */
import { describe, expect, it } from 'vitest';
import { lintFile, messageData } from '../src/lint.js';

describe('messageData', () => {
  it('recovers the member and the blank of an opaque read', () => {
    const [finding] = lintFile(
      'client.js',
      "const r = await fetch('http://api.example.test/a', { mode: 'no-cors' });\nexport const s = await r.json();\n",
    );
    expect(finding?.rule).toBe('no-opaque-response-read');
    expect(finding?.data).toEqual({
      member: 'json',
      sees: 'a promise rejected with a SyntaxError (the body is empty)',
    });
  });

  it('recovers a placeholder that the template repeats', () => {
    const [finding] = lintFile(
      'client.js',
      "fetch('http://api.example.test/a', { mode: 'no-cors', method: 'PUT' });\n",
    );
    expect(finding?.messageId).toBe('unsupportedMethod');
    expect(finding?.message.split('PUT').length).toBe(3);
    expect(finding?.data).toEqual({ method: 'PUT' });
  });

  it('recovers the header of a forbidden or response header set on a request', () => {
    const [forbidden, response] = lintFile(
      'client.js',
      "fetch('http://api.example.test/a', { headers: { Cookie: 'a=b', 'access-control-allow-origin': '*' } });\n",
    );
    expect(forbidden?.data).toEqual({ header: 'Cookie' });
    expect(response?.data).toEqual({ header: 'Access-Control-Allow-Origin' });
  });

  it('gives nothing for a text that is not the template, or an unknown message', () => {
    expect(messageData('no-forbidden-request-header', 'forbiddenHeader', 'something else')).toEqual(
      {},
    );
    expect(messageData('no-such-rule', 'x', 'anything')).toEqual({});
  });
});
