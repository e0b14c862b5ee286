/**
 * The cross-file findings of one client file: each client request checked against the server
 * surfaces of its project (core's `checkRequestAgainstSurfaces`), computed once per file and shared
 * by the contract rules, which each report their own message ids. The project index is consulted
 * only when `settings.cors.project` turns it on (`cors.configs.project()`); until then, and where no
 * project root is found, every contract rule is silent.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ContractFinding, ServerFix, SourceRef } from 'cors-lint-core';
import { ANY_SERVER_FILE, checkRequestAgainstSurfaces } from 'cors-lint-core';
import { readAppOrigins } from './app-origins.js';
import { getCorsContext } from './cors-context.js';
import { headerReadsOfRequest } from './extract/clients/response-header-reads.js';
import { staticString } from './extract/values/resolve.js';
import type { ProjectFacts } from '../project/project-index.js';
import { projectIndex } from '../project/project-index.js';
import { findProjectRoot, projectSettings } from '../project/project-root.js';
import { readSnapshot } from '../project/snapshot.js';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const findings = new WeakMap<TSESTree.Program, readonly ContractFinding<Node>[]>();

/**
 * What the cross-file check of one linted file read from the project, for an editor that re-lints
 * the file when a server file changes and points each finding at its server line.
 */
export interface ProjectConsultation {
  readonly root: string;
  /** Server files (relative to `root`, `/` separators) the verdicts depend on; `ANY_SERVER_FILE` for any. */
  readonly serverFiles: readonly string[];
  /** Each finding's place in the linted file (ESLint's 1-based line, 0-based column) and its server rule. */
  readonly findings: readonly {
    readonly messageId: string;
    readonly line: number;
    readonly column: number;
    readonly server: SourceRef;
    /** The edit of the server file that makes the request pass there (core's `serverFix`). */
    readonly serverFix?: ServerFix;
  }[];
  /** Per server file the verdicts read, the digest of the text its facts came from (`textDigest`). */
  readonly digests: Readonly<Record<string, string>>;
}

const consultations = new WeakMap<TSESTree.Program, ProjectConsultation>();

/** What the contract rules' lint of `program` consulted; undefined when no contract rule ran or the index is off. */
export function projectConsultation(program: TSESTree.Program): ProjectConsultation | undefined {
  return consultations.get(program);
}

/** The project's facts, when the project checks are on and a root is found. */
export function projectFactsOf(context: Context): ProjectFacts | undefined {
  const settings = projectSettings(context.settings);
  if (!settings) return undefined;
  if (settings.snapshot !== undefined) {
    const snapshot = readSnapshot(settings.snapshot);
    if (snapshot) return snapshot;
  }
  const root = findProjectRoot(context.filename, context.settings);
  // A fingerprint in the settings was computed with the config, from fresh stats: the facts are as current as the config.
  return root === undefined
    ? undefined
    : projectIndex(root).facts(context.languageOptions?.parser, context.settings, {
        revalidate: settings.fingerprint === undefined,
      });
}

export function contractFindings(context: Context): readonly ContractFinding<Node>[] {
  const program = context.sourceCode.ast;
  let found = findings.get(program);
  if (!found) {
    found = computeFindings(context);
    findings.set(program, found);
  }
  return found;
}

function computeFindings(context: Context): ContractFinding<Node>[] {
  const { clientRequests } = getCorsContext(context);
  if (clientRequests.length === 0) return [];
  const facts = projectFactsOf(context);
  if (!facts) return [];
  if (facts.surfaces.length === 0) {
    // No server yet: the first one may answer these requests.
    consultations.set(context.sourceCode.ast, {
      root: facts.root,
      serverFiles: [ANY_SERVER_FILE],
      findings: [],
      digests: {},
    });
    return [];
  }
  const appOrigins = readAppOrigins(context, undefined);
  const consulted = new Set<string>();
  const found = clientRequests.flatMap((request) => {
    // `readUrl` gives a template's literal start as the URL; only a whole static string is complete.
    const urlComplete =
      request.url.kind === 'known' &&
      staticString(request.url.at, context.sourceCode.getScope(request.url.at)) !== undefined;
    return checkRequestAgainstSurfaces(request, facts.surfaces, {
      appOrigins,
      proxied: facts.proxied,
      urlComplete,
      headersRead: headerReadsOfRequest(request),
      consulted,
    });
  });
  consultations.set(context.sourceCode.ast, {
    root: facts.root,
    serverFiles: [...consulted],
    findings: found.map(({ messageId, at, server, serverFix }) => ({
      messageId,
      line: at.loc.start.line,
      column: at.loc.start.column,
      server,
      ...(serverFix ? { serverFix } : {}),
    })),
    digests: facts.digests,
  });
  return found;
}
