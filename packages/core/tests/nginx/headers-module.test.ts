import { describe, expect, it } from 'vitest';
import type { NginxHeaderWrite, NginxLevel } from '../../src/index.js';
import {
  addHeaderSends,
  effectiveAddHeaders,
  effectiveHeaders,
  effectiveMoreSetHeaders,
  sendsAllowOrigin,
  writesOf,
} from '../../src/index.js';

const write = (
  name: string,
  value: string | undefined,
  module: NginxHeaderWrite<string>['module'] = 'add_header',
  always = true,
): NginxHeaderWrite<string> => ({ module, name, value, always, line: 1, at: `${module} ${name}` });

function levelOf(
  kind: NginxLevel<string>['kind'],
  parent: NginxLevel<string> | undefined,
  own: {
    add?: NginxHeaderWrite<string>[];
    more?: NginxHeaderWrite<string>[];
    inherit?: NginxLevel<string>['inherit'];
    unknown?: boolean;
  } = {},
): NginxLevel<string> {
  return {
    kind,
    at: kind,
    label: kind,
    parent,
    addHeaders: own.add ?? [],
    moreSetHeaders: own.more ?? [],
    unknownHeaders: own.unknown ?? false,
    inherit: own.inherit ?? 'on',
  };
}

describe('nginx header facts (checked on nginx 1.22.1, design note §C)', () => {
  const acao = write('Access-Control-Allow-Origin', 'https://app.example.com');
  const server = levelOf('server', undefined, { add: [acao, write('X-Server-Level', 's')] });

  it('inherits the enclosing add_header lines only where a level has none of its own (§C1)', () => {
    expect(effectiveAddHeaders(levelOf('location', server)).writes).toEqual(server.addHeaders);
    const img = levelOf('location', server, { add: [write('Cache-Control', 'max-age=60')] });
    expect(effectiveAddHeaders(img).writes.map((one) => one.name)).toEqual(['Cache-Control']);
    expect(sendsAllowOrigin(effectiveHeaders(img).writes)).toBe(false);
  });

  it('keeps them with add_header_inherit merge, drops them all with off (nginx 1.29.3)', () => {
    expect(
      effectiveAddHeaders(
        levelOf('location', server, { add: [write('Cache-Control', 'x')], inherit: 'merge' }),
      ).writes.map((one) => one.name),
    ).toEqual(['Cache-Control', 'Access-Control-Allow-Origin', 'X-Server-Level']);
    expect(effectiveAddHeaders(levelOf('location', server, { inherit: 'off' })).writes).toEqual([]);
  });

  it('does not know what a level sends when an include there could not be read', () => {
    expect(effectiveAddHeaders(levelOf('location', server, { unknown: true }))).toEqual({
      writes: [],
      complete: false,
    });
  });

  it('accumulates more_set_headers into every inner level, an inner one replacing an outer one of the same name (§C7)', () => {
    const outer = levelOf('location', undefined, {
      more: [
        write('Access-Control-Allow-Origin', 'https://a.example', 'more_set_headers'),
        write('X-More', 's', 'more_set_headers'),
      ],
    });
    const inner = levelOf('if', outer, {
      more: [
        write('Access-Control-Max-Age', '60', 'more_set_headers'),
        write('x-more', 'inner', 'more_set_headers'),
      ],
    });
    expect(effectiveMoreSetHeaders(inner).map((one) => `${one.name}: ${one.value}`)).toEqual([
      'Access-Control-Allow-Origin: https://a.example',
      'Access-Control-Max-Age: 60',
      'x-more: inner',
    ]);
  });

  it('sends add_header without always only on the statuses nginx lists, and never an empty value (§C4, §C5)', () => {
    expect([200, 204, 304, 401, 404, 500].map((status) => addHeaderSends(status, false))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(addHeaderSends(500, true)).toBe(true);
    expect(
      writesOf([write('Access-Control-Allow-Origin', '')], 'access-control-allow-origin'),
    ).toEqual([]);
  });
});
