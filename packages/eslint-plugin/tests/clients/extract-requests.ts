/**
 * Runs the plugin's real per-file extraction (text pre-check, walk, `clientRequests`) over a snippet
 * and describes each request with the source text of every node it points at, so tests assert
 * positions by what they cover.
 */
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import type { ClientRequest, Setting } from 'cors-lint-core';
import { getCorsContext } from '../../src/utils/cors-context.js';

type Node = TSESTree.Node;

export interface RequestSummary {
  client: string;
  at: string;
  url: string;
  method: string;
  mode: string;
  credentials: string;
  headers: { name: string; value: string | undefined; at: string; implied?: string }[];
  headersComplete: boolean;
  body: string;
  uploadListeners: string[];
}

export function extractRequests(code: string, filename = 'client.ts'): ClientRequest<Node>[] {
  let found: readonly ClientRequest<Node>[] = [];
  const capture: TSESLint.RuleModule<'none'> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { none: '' }, schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          found = getCorsContext(context).clientRequests;
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { capture: { rules: { capture } } },
        rules: { 'capture/capture': 'error' },
      },
    ] as unknown as Linter.Config[],
    filename,
  );
  if (messages.some((message) => message.fatal))
    throw new Error(messages.map((message) => message.message).join('\n'));
  return [...found];
}

/** Each request in source-text terms: `url: 'known https://…'`, `credentials: 'include @ withCredentials: true'`. */
export function summarize(code: string, filename?: string): RequestSummary[] {
  const text = (node: Node) => code.slice(node.range[0], node.range[1]);
  const setting = (value: Setting<string, Node>) => {
    if (value.kind === 'absent') return 'absent';
    if (value.kind === 'default') return `default ${value.value}`;
    if (value.kind === 'unknown') return `unknown @ ${text(value.at)}`;
    return `${value.value} @ ${text(value.at)}`;
  };
  return extractRequests(code, filename).map((request) => ({
    client: request.client,
    at: text(request.at),
    url: setting(request.url),
    method: setting(request.method),
    mode: setting(request.mode),
    credentials: setting(request.credentials),
    headers: request.headers.writes.map((write) => ({
      name: write.name,
      value: write.value,
      at: text(write.at),
      ...(write.implied ? { implied: write.implied } : {}),
    })),
    headersComplete: request.headers.complete,
    body: request.body.at ? `${request.body.kind} @ ${text(request.body.at)}` : request.body.kind,
    uploadListeners: request.uploadListeners.map(text),
  }));
}
