/**
 * NestJS shapes beyond the bootstrap: `enableCors` in a helper that takes the app as a parameter
 * (its declared type picks the adapter: `NestFastifyApplication` is @fastify/cors, `NestExpressApplication`
 * and `INestApplication` the cors package), and `@Header('Access-Control-…', value)` on controller methods.
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import noPermissiveOrigin from '../../src/rules/no-permissive-origin.js';
import noWildcardOriginWithCredentials from '../../src/rules/no-wildcard-origin-with-credentials.js';
import validAllowOrigin from '../../src/rules/valid-allow-origin.js';

const ruleTester = new RuleTester();

ruleTester.run(
  'no-wildcard-origin-with-credentials (NestJS helpers and @Header)',
  noWildcardOriginWithCredentials,
  {
    valid: [
      // A header value computed per response is not known.
      `
import { Controller, Get, Header } from '@nestjs/common';
@Controller('cats')
export class CatsController {
  @Get()
  @Header('Access-Control-Allow-Origin', () => process.env.FRONTEND_ORIGIN)
  @Header('Access-Control-Allow-Credentials', 'true')
  findAll() { return []; }
}
`,
      // Another library's Header decorator.
      `
import { Header } from './decorators';
export class CatsController {
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Credentials', 'true')
  findAll() { return []; }
}
`,
      // The topmost of two decorators for one header is the one Nest sends.
      `
import { Controller, Get, Header } from '@nestjs/common';
@Controller('account')
export class AccountController {
  @Get()
  @Header('Access-Control-Allow-Origin', 'https://app.example.com')
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Access-Control-Allow-Credentials', 'true')
  me() { return {}; }
}
`,
    ],
    invalid: [
      {
        code: `
import type { INestApplication } from '@nestjs/common';

export function setupCors(app: INestApplication): void {
  app.enableCors({ origin: '*', credentials: true });
}
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 5,
            column: 28,
            endColumn: 31,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import type { INestApplication } from '@nestjs/common';

export function setupCors(app: INestApplication): void {
  app.enableCors({ origin: ['<your-app-origin>'], credentials: true });
}
`,
              },
            ],
          },
        ],
      },
      {
        // Typed as a Fastify app: @fastify/cors reads '*' in the list as every origin.
        code: `
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ORIGINS = ['https://app.example.com', '*'];
export const onFastify = (app: NestFastifyApplication) => app.enableCors({ origin: ORIGINS, credentials: true });
export const onExpress = (app: NestExpressApplication) => app.enableCors({ origin: ORIGINS, credentials: true });
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 6,
            column: 84,
            endColumn: 91,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ORIGINS = ['https://app.example.com', '*'];
export const onFastify = (app: NestFastifyApplication) => app.enableCors({ origin: ['<your-app-origin>'], credentials: true });
export const onExpress = (app: NestExpressApplication) => app.enableCors({ origin: ORIGINS, credentials: true });
`,
              },
            ],
          },
        ],
      },
      {
        // @Header on a controller method, under an alias; reported at the value.
        code: `
import { Controller, Get, Header as SetHeader } from '@nestjs/common';

@Controller('profile')
export class ProfileController {
  @Get()
  @SetHeader('Access-Control-Allow-Origin', '*')
  @SetHeader('Access-Control-Allow-Credentials', 'true')
  show() {
    return { name: 'Ada' };
  }
}
`,
        errors: [
          {
            messageId: 'wildcardWithCredentials',
            line: 7,
            column: 45,
            endColumn: 48,
            suggestions: [
              {
                messageId: 'useExplicitOrigin',
                output: `
import { Controller, Get, Header as SetHeader } from '@nestjs/common';

@Controller('profile')
export class ProfileController {
  @Get()
  @SetHeader('Access-Control-Allow-Origin', '<your-app-origin>')
  @SetHeader('Access-Control-Allow-Credentials', 'true')
  show() {
    return { name: 'Ada' };
  }
}
`,
              },
            ],
          },
        ],
      },
    ],
  },
);

ruleTester.run('valid-allow-origin (NestJS helpers and @Header)', validAllowOrigin, {
  valid: [],
  invalid: [
    {
      // Typed as an Express app (even in a file that imports the Fastify platform too): the cors package compares '*' exactly.
      code: `
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

export async function setupCors(app: NestExpressApplication) {
  app.enableCors({ origin: ['https://app.example.com', '*'] });
}
`,
      errors: [
        {
          messageId: 'wildcardEntry',
          line: 6,
          column: 56,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'removeWildcardEntry',
              output: `
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

export async function setupCors(app: NestExpressApplication) {
  app.enableCors({ origin: ['https://app.example.com'] });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import * as common from '@nestjs/common';
export class FeedController {
  @common.Get('feed')
  @common.Header('access-control-allow-origin', 'https://app.example.com/')
  feed() { return []; }
}
`,
      output: `
import * as common from '@nestjs/common';
export class FeedController {
  @common.Get('feed')
  @common.Header('access-control-allow-origin', 'https://app.example.com')
  feed() { return []; }
}
`,
      errors: [{ messageId: 'trailingSlash', line: 5, column: 49, endColumn: 75 }],
    },
  ],
});

ruleTester.run('no-permissive-origin (NestJS @Header)', noPermissiveOrigin, {
  valid: [],
  invalid: [
    {
      code: `
import { Controller, Get, Header } from '@nestjs/common';
@Controller()
export class PublicController {
  @Get('status')
  @Header('Access-Control-Allow-Origin', '*')
  status() { return 'ok'; }
}
`,
      errors: [
        {
          messageId: 'permissiveOrigin',
          data: { how: "Access-Control-Allow-Origin '*'" },
          line: 6,
          column: 42,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useFixedOrigin',
              output: `
import { Controller, Get, Header } from '@nestjs/common';
@Controller()
export class PublicController {
  @Get('status')
  @Header('Access-Control-Allow-Origin', '<your-app-origin>')
  status() { return 'ok'; }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
