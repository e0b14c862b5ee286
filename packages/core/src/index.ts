/** Public API of the core package. Explicit names only, so every export is a deliberate choice. */

// Policy model and findings
export type { Setting, ListPiece, ListValue, OriginEntry, OriginScheme, OriginSetting, PolicySource, AppliedAs, CorsPolicy } from './policy/cors-policy.js';
export { sendsCredentials, settingHandle } from './policy/cors-policy.js';
export type { ClientRequest, RequestBodyKind, RequestClient, RequestHeaderWrite, ResponseRead } from './policy/client-request.js';
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
export type { SafeOriginCheck, SubstringCheckVerdict, SubstringMethod, SubstringSubject } from './origin/origin-substring-check.js';
export { classifyOriginSubstringCheck, safeReplacementForSubstringCheck } from './origin/origin-substring-check.js';
export { SHARED_HOSTING_DOMAINS, isSharedHostingDomain, sharedHostingDomainOf } from './origin/shared-hosting.js';

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
export type { CorsRequest, CorsResponse, CorsVerdict, PreflightReason, ResponseHeaders } from './check/cors-check.js';
export { checkCorsResponse, checkPreflightResponse, needsPreflight } from './check/cors-check.js';

// Browser console messages
export type { BrowserFailure, ConsoleParams, ConsoleText } from './messages/console-messages.js';
export { consoleLine, consoleReason, matchesConsoleLine } from './messages/console-messages.js';

// Rule message catalog
export type { BrowserEffect, MessageSpec, RuleName } from './messages/catalog.js';
export { browserEffect, messagesFor, ruleMessages } from './messages/catalog.js';
export { FIRST_SENTENCE_MAX, firstSentence } from './messages/first-sentence.js';

// The contract between a client request and the servers of its project (plain data, no IO)
export type { PathMatcher, RouteRule, ServerSurface, SourceRef } from './contract/server-surface.js';
export { allowedRequestHeaders, pathMatches } from './contract/server-surface.js';
export type { ContractFinding, ContractMessageId, ContractOptions, HeaderRead, ProxiedPrefix } from './contract/check-contract.js';
export { checkRequestAgainstSurfaces } from './contract/check-contract.js';

// Checks: one per rule, policy in, findings out
export { checkAllowOriginValues, subdomainPattern } from './checks/allow-origin-values.js';
export type { AllowOriginSequence, AllowOriginWrite } from './checks/duplicate-allow-origin.js';
export { checkDuplicateAllowOrigin } from './checks/duplicate-allow-origin.js';
export { checkHeaderValues, type HeaderValuesOptions } from './checks/header-values.js';
export type { WrittenResponseHeader } from './checks/exposed-headers.js';
export { checkExposedHeaders, type ExposedHeadersOptions } from './checks/exposed-headers.js';
export type { IneffectiveWildcardOptions } from './checks/ineffective-wildcard.js';
export { CORS_PACKAGE_DEFAULT_METHODS, checkIneffectiveWildcard } from './checks/ineffective-wildcard.js';
export { checkNullOrigin } from './checks/null-origin.js';
export { checkPermissiveLocalServer, checkPermissiveOrigin } from './checks/permissive-origin.js';
export type { AnsweredRoute, ExpressApp, ExpressRegistration, FastifyApp, HandlerRole, RawHandler, RouteModule, RoutePath } from './checks/preflight-handler.js';
export {
  checkExpressPreflight,
  checkFastifyPreflight,
  checkRawHandlerPreflight,
  checkRouteMethodsAllowed,
  checkRouteModulePreflight,
  routeNeedsPreflight,
  unnamedWildcardFix,
} from './checks/preflight-handler.js';
export { checkReflectedOriginWithCredentials } from './checks/reflected-origin-with-credentials.js';
export { checkWildcardOriginWithCredentials } from './checks/wildcard-origin-with-credentials.js';
export type { VaryContext, VaryWrite } from './checks/vary-origin.js';
export { checkVaryOrigin } from './checks/vary-origin.js';
export type { OpaqueResponseReadOptions } from './checks/opaque-response-read.js';
export { checkOpaqueResponseRead } from './checks/opaque-response-read.js';
export { checkInvalidNoCorsRequest } from './checks/invalid-no-cors-request.js';
export { checkForbiddenRequestHeader } from './checks/forbidden-request-header.js';
export type { AccidentalPreflightOptions } from './checks/accidental-preflight.js';
export { checkAccidentalPreflight } from './checks/accidental-preflight.js';

// Source files
export { generatedReason } from './source/generated.js';
