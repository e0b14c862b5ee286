import path from 'node:path';
import rule from '../../src/rules/nginx-require-proxy-hide-header.js';
import { conf, nginxRuleTester } from '../helpers/nginx-rule-tester.js';
import { projectSettings, UPSTREAM_PROJECT } from '../helpers/project-fixture.js';

const ruleTester = nginxRuleTester();

/** A config of the sample project (apps/api/clean-server.js sets CORS for /products, none for /reviews), linted with its index. */
const inProject = {
  filename: path.join(UPSTREAM_PROJECT, 'deploy/inline.conf'),
  settings: projectSettings(UPSTREAM_PROJECT),
};

const products = conf`
  upstream catalog {
      server api:3000;
  }
  server {
      location /products {
          add_header Access-Control-Allow-Origin "http://localhost:5173" always;
          proxy_pass http://catalog;
      }
  }
`;

ruleTester.run('nginx-require-proxy-hide-header', rule, {
  valid: [
    // Without the project index, what the app sends is unknown: silent.
    products,
    // /t9/dup/'s shape with no app in the project at that address: silent.
    {
      code: 'location /t9/dup/ { add_header Access-Control-Allow-Origin "https://app.example.com" always; proxy_pass http://127.0.0.1:18090/ok; }\n',
      ...inProject,
    },
    // The app sends no CORS for /reviews: one line, nginx's.
    {
      code: conf`
        upstream catalog {
            server api:3000;
        }
        server {
            location /reviews {
                add_header Access-Control-Allow-Origin "http://localhost:5173" always;
                proxy_pass http://catalog;
            }
        }
      `,
      ...inProject,
    },
    // /t9/hide/: only nginx's line reaches the browser (§C8).
    {
      code: 'location /products { proxy_hide_header Access-Control-Allow-Origin; add_header Access-Control-Allow-Origin "http://localhost:5173" always; proxy_pass http://127.0.0.1:3000; }\n',
      ...inProject,
    },
    // /t9/more/: more_set_headers replaces the upstream's header.
    {
      code: 'location /products { more_set_headers "Access-Control-Allow-Origin: http://localhost:5173"; proxy_pass http://127.0.0.1:3000; }\n',
      ...inProject,
    },
    // Hidden at server level, inherited by a location that hides nothing else.
    {
      code: 'server {\n    proxy_hide_header Access-Control-Allow-Origin;\n    location /products { add_header Access-Control-Allow-Origin "http://localhost:5173" always; proxy_pass http://api:3000; }\n}\n',
      ...inProject,
    },
    // The preflight's `if` answers with `return` before the request is proxied (a real config's shape).
    {
      code: 'location /products {\n    proxy_hide_header Access-Control-Allow-Origin;\n    if ($request_method = OPTIONS) { add_header Access-Control-Allow-Origin http://localhost:5173; return 204; }\n    add_header Access-Control-Allow-Origin http://localhost:5173 always;\n    proxy_pass http://api:3000;\n}\n',
      ...inProject,
    },
    // Nothing is passed upstream.
    {
      code: 'location /products { add_header Access-Control-Allow-Origin "http://localhost:5173" always; return 200; }\n',
      ...inProject,
    },
    // A path rewrite to where the app sends no CORS.
    {
      code: 'location /shop/ { add_header Access-Control-Allow-Origin "http://localhost:5173" always; proxy_pass http://api:3000/reviews/; }\n',
      ...inProject,
    },
  ],
  invalid: [
    {
      // /t9/dup/: two Access-Control-Allow-Origin lines, the app's and nginx's, reached through the upstream block.
      code: products,
      ...inProject,
      errors: [
        {
          messageId: 'upstreamAllowOrigin',
          line: 6,
          column: 9,
          data: {
            pass: 'proxy_pass',
            hide: 'proxy_hide_header',
            app: 'apps/api/clean-server.js:10',
            value: '…, http://localhost:5173',
          },
          suggestions: [
            {
              messageId: 'hideUpstreamHeader',
              data: { hide: 'proxy_hide_header' },
              output: conf`
                upstream catalog {
                    server api:3000;
                }
                server {
                    location /products {
                        proxy_hide_header Access-Control-Allow-Origin;
                        add_header Access-Control-Allow-Origin "http://localhost:5173" always;
                        proxy_pass http://catalog;
                    }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // A literal loopback address, and a server-level hide of another header that does not carry this one.
      code: 'server {\n    proxy_hide_header X-Powered-By;\n    location = /products { proxy_hide_header X-Powered-By; add_header Access-Control-Allow-Origin "*"; proxy_pass http://127.0.0.1:3000; }\n}\n',
      ...inProject,
      errors: [
        {
          messageId: 'upstreamAllowOrigin',
          line: 3,
          column: 60,
          data: {
            pass: 'proxy_pass',
            hide: 'proxy_hide_header',
            app: 'apps/api/clean-server.js:10',
            value: '…, *',
          },
          suggestions: [
            {
              messageId: 'hideUpstreamHeader',
              output:
                'server {\n    proxy_hide_header X-Powered-By;\n    location = /products { proxy_hide_header X-Powered-By; proxy_hide_header Access-Control-Allow-Origin; add_header Access-Control-Allow-Origin "*"; proxy_pass http://127.0.0.1:3000; }\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
