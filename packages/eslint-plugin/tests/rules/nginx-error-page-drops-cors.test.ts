import rule from '../../src/rules/nginx-error-page-drops-cors.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';

const ruleTester = nginxRuleTester();

ruleTester.run('nginx-error-page-drops-cors', rule, {
  valid: [
    // The error page's location sends the CORS headers too.
    conf`
      server {
          add_header Access-Control-Allow-Origin "https://app.example.com" always;
          error_page 404 /404.html;
          location /api/ { return 404; }
          location = /404.html { internal; }
      }
    `,
    // An upstream's own errors pass through unless nginx intercepts them.
    conf`
      server {
          error_page 502 /50x.html;
          location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://app; }
          location = /50x.html { internal; }
      }
    `,
    // An internal location with CORS headers that no rewrite or try_files leads to: a direct request
    // gets 404 from the error page, and an error while serving an error page is not redirected again
    // (recursive_error_pages off). Checked on nginx 1.22: GET /custom_40x.html → 404 from /custom_40x.php.
    conf`
      server {
          location / { proxy_pass http://127.0.0.1:8080; }
          error_page 401 404 /custom_40x.php;
          location = /custom_40x.html { internal; add_header Access-Control-Allow-Origin *; }
      }
    `,
    // No CORS headers where the error happens.
    'server {\n    error_page 404 /404.html;\n    location / { return 404; }\n    location = /404.html { internal; }\n}\n',
  ],
  invalid: [
    {
      // /t10/: 404 without ACAO, although the location sends it `always` (§C4).
      code: conf`
        server {
            location /t10/ {
                error_page 404 /404.html;
                add_header Access-Control-Allow-Origin "https://app.example.com" always;
                return 404;
            }
            location = /404.html {
                internal;
            }
        }
      `,
      errors: [
        {
          messageId: 'errorPageDropsCors',
          line: 3,
          column: 9,
          endColumn: 34,
          data: { codes: '404', uri: '/404.html', target: 'location = /404.html' },
          suggestions: [
            {
              messageId: 'repeatInTarget',
              data: { target: 'location = /404.html' },
              output: conf`
                server {
                    location /t10/ {
                        error_page 404 /404.html;
                        add_header Access-Control-Allow-Origin "https://app.example.com" always;
                        return 404;
                    }
                    location = /404.html {
                        add_header Access-Control-Allow-Origin "https://app.example.com" always;
                        internal;
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // A server-level error_page, intercepting the upstream's errors, lands in a location without CORS.
      code: conf`
        server {
            error_page 500 502 503 504 /50x.html;
            proxy_intercept_errors on;
            location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://app; }
            location = /50x.html { root /usr/share/nginx/html; }
        }
      `,
      errors: [
        {
          messageId: 'errorPageDropsCors',
          line: 2,
          column: 5,
          data: { codes: '500 502 503 504', uri: '/50x.html', target: 'location = /50x.html' },
          suggestions: [
            {
              messageId: 'repeatInTarget',
              output: conf`
                server {
                    error_page 500 502 503 504 /50x.html;
                    proxy_intercept_errors on;
                    location /api/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://app; }
                    location = /50x.html { add_header Access-Control-Allow-Origin "https://app.example.com" always; root /usr/share/nginx/html; }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // A rewrite leads into the internal location: its missing file's 404 goes to the error page
      // without CORS (nginx 1.22: GET /rw → 404 from /custom_40x.php, no Access-Control-Allow-Origin).
      code: conf`
        server {
            error_page 404 /custom_40x.php;
            location = /rw { rewrite ^ /missing.html last; }
            location = /missing.html { internal; add_header Access-Control-Allow-Origin * always; }
            location = /custom_40x.php { return 200; }
        }
      `,
      errors: [
        {
          messageId: 'errorPageDropsCors',
          line: 2,
          column: 5,
          data: { codes: '404', uri: '/custom_40x.php', target: 'location = /custom_40x.php' },
          suggestions: [
            {
              messageId: 'repeatInTarget',
              output: conf`
                server {
                    error_page 404 /custom_40x.php;
                    location = /rw { rewrite ^ /missing.html last; }
                    location = /missing.html { internal; add_header Access-Control-Allow-Origin * always; }
                    location = /custom_40x.php { add_header Access-Control-Allow-Origin * always; return 200; }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});
