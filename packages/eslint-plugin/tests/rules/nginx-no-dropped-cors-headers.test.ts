import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../src/rules/nginx-no-dropped-cors-headers.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();

// An nginx prefix (it holds nginx.conf) with a CORS snippet: nginx reads includes relative to it.
const inPrefix = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'nginx-prefix',
  'sites-enabled',
  'app',
);

ruleTester.run('nginx-no-dropped-cors-headers', rule, {
  valid: [
    // /t4/: an `if` without add_header of its own answers with the location's headers (204 with ACAO).
    conf`
      location /t4/ {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          if ($request_method = 'OPTIONS') { return 204; }
      }
    `,
    // /t2/: the server's add_header is dropped, but it is not a CORS header.
    conf`
      server {
          add_header X-Server-Level s;
          location /t2/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; }
      }
    `,
    // /t8/: more_set_headers accumulates into `if`: the preflight keeps ACAO.
    conf`
      location /t8/ {
          more_set_headers "Access-Control-Allow-Origin: https://app.example.com";
          if ($request_method = 'OPTIONS') { more_set_headers "Access-Control-Max-Age: 60"; return 204; }
      }
    `,
    // The level repeats every CORS header it would inherit.
    conf`
      location /api/ {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          if ($request_method = OPTIONS) {
              add_header Access-Control-Allow-Origin "https://app.example.com" always;
              add_header Access-Control-Max-Age 86400;
              return 204;
          }
      }
    `,
    // nginx ≥ 1.29.3 with `add_header_inherit merge` keeps the enclosing level's headers.
    conf`
      server {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          location /img/ { add_header_inherit merge; add_header Cache-Control "max-age=60"; }
      }
    `,
    // The mode is inherited itself: `merge` at http level holds in every nested level (nginx commit
    // c93a0c4), also when written after the blocks it applies to.
    conf`
      http {
          server {
              add_header Access-Control-Allow-Origin "https://app.example.com" always;
              location /img/ {
                  add_header Cache-Control "max-age=60";
                  if ($request_method = OPTIONS) { add_header Access-Control-Max-Age 600; return 204; }
              }
          }
          add_header_inherit merge;
      }
    `,
    // An include that cannot be read: what the enclosing level sends is unknown.
    conf`
      location /t12/ {
          include /nonexistent/cors-snippet.conf;
          location /t12/img/ { add_header Cache-Control "max-age=60"; }
      }
    `,
    // The CORS headers the include brings are sent at the level that includes them (/t12/ itself).
    { code: 'location /t12/ {\n    include cors.conf;\n    return 200;\n}\n', filename: inPrefix },
  ],
  invalid: [
    {
      // The snippet (design §C2, /t3/): the 204 preflight carries Max-Age only.
      code: conf`
        location /api/ {
            add_header 'Access-Control-Allow-Origin' 'https://myapp.com';
            add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
            add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type';
            if ($request_method = 'OPTIONS') {
                add_header 'Access-Control-Max-Age' 86400;
                return 204;
            }
        }
      `,
      errors: [
        {
          messageId: 'preflightLosesCors',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 51,
          data: {
            line: '2',
            headers:
              'Access-Control-Allow-Origin, Access-Control-Allow-Methods, Access-Control-Allow-Headers',
            place: 'An `if` block',
          },
          suggestions: [
            {
              messageId: 'repeatInherited',
              data: { count: '3' },
              output: conf`
                location /api/ {
                    add_header 'Access-Control-Allow-Origin' 'https://myapp.com';
                    add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
                    add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type';
                    if ($request_method = 'OPTIONS') {
                        add_header 'Access-Control-Allow-Origin' 'https://myapp.com';
                        add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';
                        add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type';
                        add_header 'Access-Control-Max-Age' 86400;
                        return 204;
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // /t12/ written out: a non-CORS add_header in a nested location drops the CORS headers (§C1).
      code: conf`
        location /t12/ {
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            add_header Access-Control-Allow-Credentials "true" always;
            location /t12/img/ { add_header Cache-Control "max-age=60"; return 200 "img\n"; }
        }
      `,
      errors: [
        {
          messageId: 'droppedAllowOrigin',
          line: 4,
          column: 26,
          endColumn: 64,
          data: {
            line: '2',
            headers: 'Access-Control-Allow-Origin, Access-Control-Allow-Credentials',
            place: 'A nested location',
          },
          suggestions: [
            {
              messageId: 'repeatInherited',
              data: { count: '2' },
              output: conf`
                location /t12/ {
                    add_header Access-Control-Allow-Origin "https://app.example.com" always;
                    add_header Access-Control-Allow-Credentials "true" always;
                    location /t12/img/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header Access-Control-Allow-Credentials "true" always; add_header Cache-Control "max-age=60"; return 200 "img\n"; }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // `merge` holds in /api/ (inherited), not in /api/raw/, which sets `on` again: its own line drops
      // the ACAO that /api/ merged in.
      code: conf`
        server {
            add_header_inherit merge;
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            location /api/ {
                add_header Cache-Control "no-store";
                location /api/raw/ { add_header_inherit on; add_header X-Raw 1; }
            }
        }
      `,
      errors: [
        {
          messageId: 'droppedAllowOrigin',
          line: 6,
          column: 53,
          endColumn: 72,
          data: { line: '3', headers: 'Access-Control-Allow-Origin', place: 'A nested location' },
          suggestions: [
            {
              messageId: 'repeatInherited',
              data: { count: '1' },
              output: conf`
                server {
                    add_header_inherit merge;
                    add_header Access-Control-Allow-Origin "https://app.example.com" always;
                    location /api/ {
                        add_header Cache-Control "no-store";
                        location /api/raw/ { add_header_inherit on; add_header Access-Control-Allow-Origin "https://app.example.com" always; add_header X-Raw 1; }
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // t2.conf, port 18082: server-level CORS headers, a location with X-Frame-Options gets none (§C3).
      code: conf`
        server {
            add_header Access-Control-Allow-Origin "https://app.example.com" always;
            add_header Access-Control-Allow-Methods "PUT" always;
            location /api/ { return 200; }
            location /api2/ {
                add_header X-Frame-Options DENY;
            }
        }
      `,
      errors: [
        {
          messageId: 'droppedAllowOrigin',
          line: 6,
          column: 9,
          data: {
            line: '2',
            headers: 'Access-Control-Allow-Origin, Access-Control-Allow-Methods',
            place: 'A location',
          },
          suggestions: [
            {
              messageId: 'repeatInherited',
              data: { count: '2' },
              output: conf`
                server {
                    add_header Access-Control-Allow-Origin "https://app.example.com" always;
                    add_header Access-Control-Allow-Methods "PUT" always;
                    location /api/ { return 200; }
                    location /api2/ {
                        add_header Access-Control-Allow-Origin "https://app.example.com" always;
                        add_header Access-Control-Allow-Methods "PUT" always;
                        add_header X-Frame-Options DENY;
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // Only Access-Control-Allow-Credentials is lost: credentialed requests fail, others work.
      code: conf`
        server {
            add_header Access-Control-Allow-Credentials true always;
            location /api/ {
                add_header Access-Control-Allow-Origin https://app.example.com always;
            }
        }
      `,
      errors: [
        {
          messageId: 'droppedCorsHeaders',
          line: 4,
          column: 9,
          data: { line: '2', headers: 'Access-Control-Allow-Credentials', place: 'A location' },
          suggestions: [
            {
              messageId: 'repeatInherited',
              output: conf`
                server {
                    add_header Access-Control-Allow-Credentials true always;
                    location /api/ {
                        add_header Access-Control-Allow-Credentials true always;
                        add_header Access-Control-Allow-Origin https://app.example.com always;
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // The lost headers come from an included snippet: the repair repeats the include line.
      code: 'location /t12/ {\n    include cors.conf;\n    location /t12/img/ { add_header Cache-Control "max-age=60"; }\n}\n',
      filename: inPrefix,
      errors: [
        {
          messageId: 'droppedAllowOrigin',
          line: 3,
          column: 26,
          data: {
            line: '2',
            headers: 'Access-Control-Allow-Origin, Access-Control-Allow-Credentials',
            place: 'A nested location',
          },
          suggestions: [
            {
              messageId: 'repeatInherited',
              data: { count: '1' },
              output:
                'location /t12/ {\n    include cors.conf;\n    location /t12/img/ { include cors.conf; add_header Cache-Control "max-age=60"; }\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
