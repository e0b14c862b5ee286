import type { TSESLint } from '@typescript-eslint/utils';
import clientCredentialsNeedServerCredentials from './client-credentials-need-server-credentials.js';
import nginxErrorPageDropsCors from './nginx-error-page-drops-cors.js';
import nginxNoDroppedCorsHeaders from './nginx-no-dropped-cors-headers.js';
import nginxNoPreflightBeforeLocation from './nginx-no-preflight-before-location.js';
import nginxRequireAlways from './nginx-require-always.js';
import nginxRequireProxyHideHeader from './nginx-require-proxy-hide-header.js';
import noAccidentalPreflight from './no-accidental-preflight.js';
import noDeadDjangoCorsSetting from './no-dead-django-cors-setting.js';
import noDuplicateAllowOrigin from './no-duplicate-allow-origin.js';
import noForbiddenRequestHeader from './no-forbidden-request-header.js';
import noIneffectiveWildcard from './no-ineffective-wildcard.js';
import noInvalidNoCorsRequest from './no-invalid-no-cors-request.js';
import noNullOrigin from './no-null-origin.js';
import noOpaqueResponseRead from './no-opaque-response-read.js';
import noPermissiveLocalServer from './no-permissive-local-server.js';
import noPermissiveOrigin from './no-permissive-origin.js';
import noReflectedOriginWithCredentials from './no-reflected-origin-with-credentials.js';
import noUnsafeOriginCheck from './no-unsafe-origin-check.js';
import noWildcardOriginWithCredentials from './no-wildcard-origin-with-credentials.js';
import requireAllowedMethod from './require-allowed-method.js';
import requireAllowedRequestHeaders from './require-allowed-request-headers.js';
import requireDjangoCorsMiddleware from './require-django-cors-middleware.js';
import requireExposedHeaders from './require-exposed-headers.js';
import requirePreflightHandler from './require-preflight-handler.js';
import requireVaryOrigin from './require-vary-origin.js';
import validAllowOrigin from './valid-allow-origin.js';
import validDjangoAllowedOrigins from './valid-django-allowed-origins.js';
import validHeaderValues from './valid-header-values.js';

/** Every rule, by name without the `cors/` prefix. Add a rule here and to its config in `configs.ts`. */
export const rules = {
  'client-credentials-need-server-credentials': clientCredentialsNeedServerCredentials,
  'nginx-error-page-drops-cors': nginxErrorPageDropsCors,
  'nginx-no-dropped-cors-headers': nginxNoDroppedCorsHeaders,
  'nginx-no-preflight-before-location': nginxNoPreflightBeforeLocation,
  'nginx-require-always': nginxRequireAlways,
  'nginx-require-proxy-hide-header': nginxRequireProxyHideHeader,
  'no-accidental-preflight': noAccidentalPreflight,
  'no-dead-django-cors-setting': noDeadDjangoCorsSetting,
  'no-duplicate-allow-origin': noDuplicateAllowOrigin,
  'no-forbidden-request-header': noForbiddenRequestHeader,
  'no-ineffective-wildcard': noIneffectiveWildcard,
  'no-invalid-no-cors-request': noInvalidNoCorsRequest,
  'no-null-origin': noNullOrigin,
  'no-opaque-response-read': noOpaqueResponseRead,
  'no-permissive-local-server': noPermissiveLocalServer,
  'no-permissive-origin': noPermissiveOrigin,
  'no-reflected-origin-with-credentials': noReflectedOriginWithCredentials,
  'no-unsafe-origin-check': noUnsafeOriginCheck,
  'no-wildcard-origin-with-credentials': noWildcardOriginWithCredentials,
  'require-allowed-method': requireAllowedMethod,
  'require-allowed-request-headers': requireAllowedRequestHeaders,
  'require-django-cors-middleware': requireDjangoCorsMiddleware,
  'require-exposed-headers': requireExposedHeaders,
  'require-preflight-handler': requirePreflightHandler,
  'require-vary-origin': requireVaryOrigin,
  'valid-allow-origin': validAllowOrigin,
  'valid-django-allowed-origins': validDjangoAllowedOrigins,
  'valid-header-values': validHeaderValues,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleName = keyof typeof rules;
