import { ACAO } from '../fetch/response-headers.js';
import type { Finding } from '../findings.js';
import type { NginxLevel } from '../nginx/headers-module.js';
import { effectiveAddHeaders, writesOf } from '../nginx/headers-module.js';

/** How a location hands requests to an application: `proxy_pass`, `fastcgi_pass`, `uwsgi_pass`, `grpc_pass`. */
export interface UpstreamPass<H> {
  readonly at: H;
  readonly module: 'proxy' | 'fastcgi' | 'uwsgi' | 'grpc' | 'scgi';
  /** `<module>_hide_header Access-Control-Allow-Origin` is in effect here. */
  readonly hidesAllowOrigin: boolean;
}

/**
 * `add_header` does not replace a header the upstream sent; it adds a line (§C8). When the proxied app
 * answers CORS too, the response carries two Access-Control-Allow-Origin lines and browsers reject it.
 * `proxy_hide_header` drops the app's line (and changes nothing when the app sends none);
 * `more_set_headers` replaces it and is not reported. `app` is where the app behind the pass sets
 * its CORS policy (`file:line`); the adapter calls this only when it knows the app sends it.
 */
export function checkUpstreamAllowOrigin<H>(
  point: NginxLevel<H>,
  pass: UpstreamPass<H>,
  app: string,
): Finding<H>[] {
  if (pass.hidesAllowOrigin) return [];
  const [write] = writesOf(effectiveAddHeaders(point).writes, ACAO);
  if (!write) return [];
  const hide = `${pass.module}_hide_header`;
  return [
    {
      messageId: 'upstreamAllowOrigin',
      // The app's value is not read here: the console shows it first, then nginx's.
      data: { pass: `${pass.module}_pass`, hide, app, value: `…, ${write.value ?? '…'}` },
      at: write.at,
      suggestions: [
        {
          messageId: 'hideUpstreamHeader',
          data: { hide },
          fix: { kind: 'hide-upstream-header', at: write.at, directive: hide, header: ACAO },
        },
      ],
    },
  ];
}
