/** Public API of the core package. Explicit names only, so every export is a deliberate choice. */

// Policy model and findings
export type {
  Setting,
  ListPiece,
  ListValue,
  OriginEntry,
  OriginScheme,
  OriginSetting,
  PolicySource,
  AppliedAs,
  CorsPolicy,
} from './policy/cors-policy.js';
export { sendsCredentials, settingHandle } from './policy/cors-policy.js';
export type {
  ClientRequest,
  RequestBodyKind,
  RequestClient,
  RequestHeaderWrite,
  ResponseRead,
} from './policy/client-request.js';
export type { FixIntent, OriginLiteral, RepairOptions, Suggestion, Finding } from './findings.js';
export { PLACEHOLDER_ORIGIN } from './findings.js';

// Fetch standard tables
export {
  CORS_SAFELISTED_METHODS,
  FORBIDDEN_METHODS,
  NORMALIZED_METHODS,
  isCorsSafelistedMethod,
  isForbiddenMethod,
  normalizeMethod,
} from './fetch/methods.js';
export { isHttpToken, parseHeaderList } from './fetch/header-names.js';
export { asciiLowercase, asciiUppercase } from './fetch/ascii.js';
export {
  CORS_NON_WILDCARD_REQUEST_HEADER_NAMES,
  FORBIDDEN_REQUEST_HEADER_NAMES,
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedRequestHeader,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
  mayBeCorsSafelistedRequestHeader,
  NO_CORS_SAFELISTED_REQUEST_HEADER_NAMES,
} from './fetch/request-headers.js';
export {
  ACAO,
  ACAC,
  ACAM,
  ACAH,
  ACEH,
  ACMA,
  CORS_SAFELISTED_RESPONSE_HEADER_NAMES,
  FORBIDDEN_RESPONSE_HEADER_NAMES,
  canonicalCorsHeaderName,
  isCorsSafelistedResponseHeader,
  isForbiddenResponseHeader,
} from './fetch/response-headers.js';

// Origins
export type { Origin } from './origin/origin.js';
export { DEFAULT_PORTS, parseOrigin, serializeOrigin } from './origin/origin.js';
export { isCrossOriginUrl, toAppOrigin } from './origin/request-target.js';
export type { AllowOriginProblem } from './origin/validate-allow-origin.js';
export { validateAllowOriginValue } from './origin/validate-allow-origin.js';
export type {
  SafeOriginCheck,
  SubstringCheckVerdict,
  SubstringMethod,
  SubstringSubject,
} from './origin/origin-substring-check.js';
export {
  classifyOriginSubstringCheck,
  safeReplacementForSubstringCheck,
} from './origin/origin-substring-check.js';
export {
  SHARED_HOSTING_DOMAINS,
  isSharedHostingDomain,
  sharedHostingDomainOf,
} from './origin/shared-hosting.js';

// Header values as written in configuration
export type { ListProblem, MaxAgeVerdict } from './headers/validate-header-values.js';
export {
  MAX_AGE_CAPS,
  validateAllowCredentialsValue,
  validateHeaderListPiece,
  validateMaxAge,
  validateMethodListPiece,
} from './headers/validate-header-values.js';

// The browser's CORS check
export type {
  CorsRequest,
  CorsResponse,
  CorsVerdict,
  PreflightReason,
  ResponseHeaders,
} from './browser-check/cors-check.js';
export {
  checkCorsResponse,
  checkPreflightResponse,
  needsPreflight,
} from './browser-check/cors-check.js';

// Browser console messages
export type { BrowserFailure, ConsoleParams, ConsoleText } from './messages/console-messages.js';
export { consoleLine, consoleReason, matchesConsoleLine } from './messages/console-messages.js';

// Rule message catalog
export type { BrowserEffect, MessageSpec, RuleName, SecurityRuleName } from './messages/catalog.js';
export {
  browserEffect,
  isSecurityFinding,
  messagesFor,
  ruleMessages,
  securityAttack,
} from './messages/catalog.js';
export { FIRST_SENTENCE_MAX, firstSentence } from './messages/first-sentence.js';

// The contract between a client request and the servers of its project (plain data, no IO)
export type {
  NginxLocationMatch,
  PathMatcher,
  PreflightRefusal,
  RouteRule,
  ServerSurface,
  SourceRef,
  Upstream,
} from './contract/server-surface.js';
export {
  allowedRequestHeaders,
  chooseNginxLocation,
  pathMatches,
  selectNginxLocations,
} from './contract/server-surface.js';
export type {
  CandidateRule,
  ContractFinding,
  ServerFix,
  ContractMessageId,
  ContractOptions,
  HeaderRead,
  ProxiedPrefix,
} from './contract/check-contract.js';
export {
  ANY_SERVER_FILE,
  checkRequestAgainstSurfaces,
  upstreamRules,
} from './contract/check-contract.js';

// Checks: one per rule, policy in, findings out
export { checkAllowOriginValues, subdomainPattern } from './checks/valid-allow-origin.js';
export type { AllowOriginSequence, AllowOriginWrite } from './checks/no-duplicate-allow-origin.js';
export { checkDuplicateAllowOrigin } from './checks/no-duplicate-allow-origin.js';
export { checkHeaderValues, type HeaderValuesOptions } from './checks/valid-header-values.js';
export type { WrittenResponseHeader } from './checks/require-exposed-headers.js';
export {
  checkExposedHeaders,
  type ExposedHeadersOptions,
} from './checks/require-exposed-headers.js';
export type { IneffectiveWildcardOptions } from './checks/no-ineffective-wildcard.js';
export {
  CORS_PACKAGE_DEFAULT_METHODS,
  checkIneffectiveWildcard,
} from './checks/no-ineffective-wildcard.js';
export { checkNullOrigin } from './checks/no-null-origin.js';
export { checkPermissiveLocalServer, checkPermissiveOrigin } from './checks/permissive-origin.js';
export type {
  AnsweredRoute,
  ExpressApp,
  ExpressRegistration,
  FastifyApp,
  HandlerRole,
  RawHandler,
  RouteModule,
  RoutePath,
} from './checks/require-preflight-handler.js';
export {
  checkExpressPreflight,
  checkFastifyPreflight,
  checkRawHandlerPreflight,
  checkRouteMethodsAllowed,
  checkRouteModulePreflight,
  routeNeedsPreflight,
  unnamedWildcardFix,
} from './checks/require-preflight-handler.js';
export { checkReflectedOriginWithCredentials } from './checks/no-reflected-origin-with-credentials.js';
export { checkWildcardOriginWithCredentials } from './checks/no-wildcard-origin-with-credentials.js';
export type { VaryContext, VaryWrite } from './checks/require-vary-origin.js';
export { checkVaryOrigin, mayVaryOnOrigin } from './checks/require-vary-origin.js';
export type { OpaqueResponseReadOptions } from './checks/no-opaque-response-read.js';
export { checkOpaqueResponseRead } from './checks/no-opaque-response-read.js';
export { checkInvalidNoCorsRequest } from './checks/no-invalid-no-cors-request.js';
export { checkForbiddenRequestHeader } from './checks/no-forbidden-request-header.js';
export type { AccidentalPreflightOptions } from './checks/no-accidental-preflight.js';
export { checkAccidentalPreflight } from './checks/no-accidental-preflight.js';

// nginx: how its header modules send what a configuration writes, and the checks of its own failure modes
export type {
  AddHeaderInherit,
  NginxHeaderWrite,
  NginxLevel,
  NginxLevelKind,
} from './nginx/headers-module.js';
export {
  ADD_HEADER_STATUSES,
  HEADERS_NEEDED_ON_ERRORS,
  addHeaderSends,
  effectiveAddHeaders,
  effectiveHeaders,
  effectiveMoreSetHeaders,
  isCorsResponseHeader,
  sendsAllowOrigin,
  writesOf,
} from './nginx/headers-module.js';
export type { DroppedHeadersContext } from './checks/nginx-no-dropped-cors-headers.js';
export { checkDroppedCorsHeaders } from './checks/nginx-no-dropped-cors-headers.js';
export { checkPreflightBeforeLocation } from './checks/nginx-no-preflight-before-location.js';
export type { RequireAlwaysContext } from './checks/nginx-require-always.js';
export { checkAddHeaderAlways } from './checks/nginx-require-always.js';
export type { ErrorPageRedirect } from './checks/nginx-error-page-drops-cors.js';
export { checkErrorPageDropsCors } from './checks/nginx-error-page-drops-cors.js';
export type { UpstreamPass } from './checks/nginx-require-proxy-hide-header.js';
export { checkUpstreamAllowOrigin } from './checks/nginx-require-proxy-hide-header.js';

// Source files
export { generatedReason, lineShape, type LineShape } from './source/generated.js';
export { mayConfigureCors } from './source/cors-text.js';

// django-cors-headers as data
export type {
  DjangoCorsSettingName,
  DjangoCorsVersionFacts,
} from './django/cors-headers-settings.js';
export {
  DJANGO_CORS_DEFAULT_HEADERS_3,
  DJANGO_CORS_DEFAULT_HEADERS_4,
  DJANGO_CORS_DEFAULT_MAX_AGE,
  DJANGO_CORS_DEFAULT_METHODS,
  DJANGO_CORS_DEFAULT_URLS_REGEX,
  DJANGO_CORS_HEADERS_CLIENTS_SEND,
  DJANGO_CORS_MIDDLEWARE,
  DJANGO_CORS_OLD_NAMES,
  DJANGO_CORS_RENAME_VERSION,
  DJANGO_RESPONDING_MIDDLEWARES,
  WHITENOISE_ALLOW_ALL_ORIGINS,
  WHITENOISE_MIDDLEWARE,
  djangoCorsFacts,
  isDjangoCorsHeadersVersion,
} from './django/cors-headers-settings.js';
export type { DjangoList, DjangoListItem, DjangoOriginsValue } from './checks/django-settings.js';
export {
  checkDjangoAllowedOrigins,
  checkDjangoAllowHeaders,
  checkDjangoCorsMiddleware,
  checkDjangoIgnoredNewName,
  checkDjangoShadowedAlias,
  checkDjangoUrlsRegex,
} from './checks/django-settings.js';
