import rule from '../../src/rules/nginx-require-proxy-hide-header.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();

ruleTester.run('nginx-require-proxy-hide-header', rule, {
  valid: [
    // /t9/hide/: only nginx's line reaches the browser (§C8).
    'location /t9/hide/ { proxy_hide_header Access-Control-Allow-Origin; add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://127.0.0.1:18090/ok; }\n',
    // /t9/more/: more_set_headers replaces the upstream's header.
    'location /t9/more/ { more_set_headers "Access-Control-Allow-Origin: https://app.example.com"; proxy_pass http://127.0.0.1:18090/ok; }\n',
    // Hidden at server level, inherited by a location that hides nothing else.
    'server {\n    proxy_hide_header Access-Control-Allow-Origin;\n    location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://app; }\n}\n',
    // The preflight's `if` answers with `return` before the request is proxied (a real config's shape).
    'location /api/ {\n    proxy_hide_header Access-Control-Allow-Origin;\n    if ($request_method = OPTIONS) { add_header Access-Control-Allow-Origin https://app.example.com; return 204; }\n    add_header Access-Control-Allow-Origin https://app.example.com always;\n    proxy_pass http://app;\n}\n',
    // Nothing is passed upstream.
    'location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; return 200; }\n',
  ],
  invalid: [
    {
      // /t9/dup/: two Access-Control-Allow-Origin lines when the app sets one too.
      code: conf`
        location /t9/dup/ {
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            proxy_pass http://127.0.0.1:18090/ok;
        }
      `,
      errors: [
        {
          messageId: 'upstreamAllowOrigin',
          line: 2,
          column: 5,
          data: {
            pass: 'proxy_pass',
            hide: 'proxy_hide_header',
            value: '…, https://app.example.com',
          },
          suggestions: [
            {
              messageId: 'hideUpstreamHeader',
              data: { hide: 'proxy_hide_header' },
              output: conf`
                location /t9/dup/ {
                    proxy_hide_header Access-Control-Allow-Origin;
                    add_header Access-Control-Allow-Origin "https://app.example.com" always;
                    proxy_pass http://127.0.0.1:18090/ok;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // A server-level hide of another header does not carry this one: nginx inherits the list only where a level has none.
      code: 'server {\n    proxy_hide_header Access-Control-Allow-Origin;\n    location /php/ { fastcgi_hide_header X-Powered-By; add_header Access-Control-Allow-Origin "*"; fastcgi_pass unix:/run/php.sock; }\n}\n',
      errors: [
        {
          messageId: 'upstreamAllowOrigin',
          line: 3,
          column: 56,
          data: { pass: 'fastcgi_pass', hide: 'fastcgi_hide_header', value: '…, *' },
          suggestions: [
            {
              messageId: 'hideUpstreamHeader',
              output:
                'server {\n    proxy_hide_header Access-Control-Allow-Origin;\n    location /php/ { fastcgi_hide_header X-Powered-By; fastcgi_hide_header Access-Control-Allow-Origin; add_header Access-Control-Allow-Origin "*"; fastcgi_pass unix:/run/php.sock; }\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
