import rule from '../../src/rules/nginx-no-preflight-before-location.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();

ruleTester.run('nginx-no-preflight-before-location', rule, {
  valid: [
    // t2.conf, port 18082: the CORS headers are at server level, so the early 204 carries them (§C3).
    conf`
      server {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          add_header Access-Control-Allow-Methods "PUT" always;
          if ($request_method = OPTIONS) { return 204; }
          location /api/ { return 200; }
      }
    `,
    // The `if` inside the location answers with the location's headers (§C2, /t4/).
    conf`
      server {
          location /api/ {
              add_header Access-Control-Allow-Origin "https://app.example.com" always;
              if ($request_method = OPTIONS) { return 204; }
          }
      }
    `,
    // A server-level `if` about something else.
    conf`
      server {
          if ($host = old.example.com) { return 301 https://example.com$request_uri; }
          location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; }
      }
    `,
    // No location sends CORS headers.
    'server {\n    if ($request_method = OPTIONS) { return 204; }\n    location / { return 200; }\n}\n',
  ],
  invalid: [
    {
      // t2.conf, port 18081 without the http-level header: OPTIONS /api/x gets 204 with no ACAO.
      code: conf`
        server {
            listen 127.0.0.1:18081;
            if ($request_method = OPTIONS) {
                return 204;
            }
            location /api/ {
                add_header Access-Control-Allow-Origin "https://app.example.com" always;
                add_header Access-Control-Allow-Methods "PUT" always;
                return 200 "api\n";
            }
        }
      `,
      errors: [
        {
          messageId: 'preflightBeforeLocation',
          line: 3,
          column: 5,
          endLine: 5,
          endColumn: 6,
          data: {
            location: 'location /api/',
            more: '',
            headers: 'Access-Control-Allow-Origin, Access-Control-Allow-Methods',
          },
          suggestions: [
            {
              messageId: 'moveIntoLocations',
              data: { count: '1' },
              output: conf`
                server {
                    listen 127.0.0.1:18081;
                    location /api/ {
                        if ($request_method = OPTIONS) {
                            return 204;
                        }
                        add_header Access-Control-Allow-Origin "https://app.example.com" always;
                        add_header Access-Control-Allow-Methods "PUT" always;
                        return 200 "api\n";
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // t2.conf as verified: the http-level `*` is sent on the early 204, the location's Allow-Methods is not.
      code: conf`
        http {
            server {
                if ($request_method = OPTIONS) { return 204; }
                location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header Access-Control-Allow-Methods "PUT" always; }
                location /admin/ { add_header Access-Control-Allow-Origin "https://admin.example.com" always; }
            }
            add_header Access-Control-Allow-Origin "*" always;
        }
      `,
      errors: [
        {
          messageId: 'preflightWithoutLocationHeaders',
          line: 3,
          column: 9,
          data: { location: 'location /api/', more: '', headers: 'Access-Control-Allow-Methods' },
          suggestions: [
            {
              messageId: 'moveIntoLocations',
              data: { count: '1' },
              output: conf`
                http {
                    server {
                        location /api/ { if ($request_method = OPTIONS) { return 204; } add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header Access-Control-Allow-Methods "PUT" always; }
                        location /admin/ { add_header Access-Control-Allow-Origin "https://admin.example.com" always; }
                    }
                    add_header Access-Control-Allow-Origin "*" always;
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});
