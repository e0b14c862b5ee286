import rule from '../../src/rules/nginx-require-always.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();

ruleTester.run('nginx-require-always', rule, {
  valid: [
    // /t5/500always: sent on the 500 too.
    'location = /t5/500always { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://127.0.0.1:18090/plain500; }\n',
    // /t5/ok: the location only ever answers 200, which add_header covers.
    'location = /t5/ok { add_header Access-Control-Allow-Origin "https://app.example.com"; return 200 "ok\\n"; }\n',
    // The preflight's answer is a 204: covered without `always`.
    conf`
      location /api/ {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          if ($request_method = OPTIONS) {
              add_header Access-Control-Allow-Origin "https://app.example.com";
              add_header Access-Control-Allow-Methods "GET, PUT";
              return 204;
          }
      }
    `,
    // The same in a proxied location: `return` answers before proxy_pass runs.
    'location /api/ {\n    if ($request_method = OPTIONS) { add_header Access-Control-Allow-Origin "$http_origin"; add_header Access-Control-Allow-Credentials true; return 204; }\n    add_header Access-Control-Allow-Origin https://app.example.com always;\n    proxy_pass http://app;\n}\n',
    // Preflight-only headers go out on the 204 preflight answer anyway.
    'location /api/ { add_header Access-Control-Allow-Methods "GET, PUT"; add_header Access-Control-Max-Age 600; proxy_pass http://app; }\n',
    // more_set_headers sends on every status (§C7, /t8/404).
    'location /t8/ { more_set_headers "Access-Control-Allow-Origin: https://app.example.com"; proxy_pass http://app; }\n',
    // Not a CORS header; a Vary without Origin; an empty value nginx does not send (§C5).
    'location / { add_header X-Frame-Options DENY; add_header Vary Accept-Encoding; add_header Access-Control-Allow-Origin ""; proxy_pass http://app; }\n',
  ],
  invalid: [
    {
      // /t5/: 200 gets ACAO, 401, 404 and 500 do not (§C4).
      code: conf`
        location /t5/ {
            add_header Access-Control-Allow-Origin "https://app.example.com";
            add_header 'Access-Control-Allow-Credentials' 'true';
            add_header Vary Origin;
            location /t5/404 { return 404; }
            proxy_pass http://127.0.0.1:18090;
        }
      `,
      output: conf`
        location /t5/ {
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            add_header 'Access-Control-Allow-Credentials' 'true' always;
            add_header Vary Origin always;
            location /t5/404 { return 404; }
            proxy_pass http://127.0.0.1:18090;
        }
      `,
      errors: [
        {
          messageId: 'allowOriginWithoutAlways',
          line: 2,
          column: 5,
          endColumn: 70,
          data: { header: 'Access-Control-Allow-Origin' },
        },
        {
          messageId: 'headerWithoutAlways',
          line: 3,
          column: 5,
          data: { header: 'Access-Control-Allow-Credentials' },
        },
        { messageId: 'headerWithoutAlways', line: 4, column: 5, data: { header: 'Vary' } },
      ],
    },
    {
      // /t5/401: a location that always answers 401 never sends it.
      code: 'location = /t5/401 { add_header Access-Control-Allow-Origin "https://app.example.com"; return 401; }\n',
      output:
        'location = /t5/401 { add_header Access-Control-Allow-Origin "https://app.example.com" always; return 401; }\n',
      errors: [{ messageId: 'allowOriginWithoutAlways', line: 1, column: 22, endColumn: 87 }],
    },
    {
      // Server-level headers reach every location's errors too.
      code: 'server {\n    add_header Access-Control-Expose-Headers X-Total-Count;\n    location /api/ { proxy_pass http://app; }\n}\n',
      output:
        'server {\n    add_header Access-Control-Expose-Headers X-Total-Count always;\n    location /api/ { proxy_pass http://app; }\n}\n',
      errors: [
        {
          messageId: 'headerWithoutAlways',
          line: 2,
          column: 5,
          data: { header: 'Access-Control-Expose-Headers' },
        },
      ],
    },
  ],
});
