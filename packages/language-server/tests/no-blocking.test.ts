/**
 * No document blocks another (issue 15, item 9): lints run in the lint worker, so the server answers
 * requests about one document while it lints another; a lint over its time budget is stopped with
 * a notice; generated and minified documents are not linted at all. The tests wait on states and
 * on the order of events, never on times.
 */
import { HoverRequest, MessageType, type Hover } from 'vscode-languageserver/node';
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, TestClient } from './helpers/lsp-client.js';

const SMALL = `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: 'https://shop.example.com/' }));
`;
const SMALL_FINDING = {
  line: 4,
  character: SMALL.split('\n')[4]!.indexOf("'https://shop.example.com/'") + 1,
};

/** About 0.8 MB of hand-written-looking Express code without findings: seconds to lint, not milliseconds. */
function largeDocument(blocks = 2000): string {
  const block = (i: number) => `export function setup${i}(app, express, cors) {
  const router = express.Router();
  router.use(cors({ origin: ['https://shop.example.com', 'https://admin.example.com'], credentials: true }));
  router.get('/items/${i}', (req, res) => {
    const page = Number(req.query.page ?? 1);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ page, items: [] });
  });
  app.use('/v${i}', router);
}
`;
  return `import express from 'express';\nimport cors from 'cors';\n${Array.from({ length: blocks }, (_, i) => block(i)).join('')}`;
}

/** Resolves when the server asks for `uri`'s settings: the first step of its lint, which follows at once. */
function lintStarts(client: TestClient, uri: string, settings: unknown = null): Promise<void> {
  return new Promise((resolve) => {
    client.onConfiguration = (params) => {
      if (params.items.some((item) => item.scopeUri === uri)) resolve();
      return params.items.map(() => settings);
    };
  });
}

describe('no document blocks another', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('answers a hover on a small document while a large one is being linted', async () => {
    client = await TestClient.start();
    const small = fileUri('small.js');
    await client.open(small, SMALL);
    expect((await client.waitForVersion(small, 1)).diagnostics).toHaveLength(1);

    const large = fileUri('large.js');
    const started = lintStarts(client, large);
    const mark = client.publishMark;
    await client.open(large, largeDocument());
    await started;
    // The settings answer is on its way; the hover follows it on the same pipe, so the server reads
    // it once the large document's lint has begun (it takes seconds).
    const answer = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: small },
      position: SMALL_FINDING,
    });
    expect((answer as Hover).contents).toMatchObject({ kind: 'markdown' });
    // Answered during that lint, so this edit arrives during it too, and the lint's result, now for
    // an old version, is never published. A server that linted on its message loop would have
    // finished (and published version 1) before reading the hover.
    const version = await client.replaceAll(large, SMALL);
    expect((await client.waitForVersion(large, version, mark)).diagnostics).toHaveLength(1);
    expect(
      client.publishes.events
        .slice(mark)
        .filter((event) => event.uri === large)
        .map((event) => event.version),
    ).toEqual([version]);
  });

  it('answers a document that is not linted (no CORS words) at once, not after the lint that is running', async () => {
    client = await TestClient.start();
    const large = fileUri('busy.js');
    const started = lintStarts(client, large);
    await client.open(large, largeDocument());
    await started;
    // Read after the large document's lint has begun (see the hover test above).
    await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: large },
      position: { line: 0, character: 0 },
    });
    const plain = fileUri('plain.js');
    await client.open(
      plain,
      'export const total = (items) => items.reduce((sum, item) => sum + item.price, 0);\n',
    );
    expect((await client.waitForVersion(plain, 1)).diagnostics).toEqual([]);
    // The large document's lint takes seconds, many on a loaded machine.
    await client.waitForPublish(large, { match: (event) => event.version === 1 });
    const order = client.publishes.events
      .filter((event) => event.uri === plain || event.uri === large)
      .map((event) => event.uri);
    expect(order).toEqual([plain, large]);
  });

  it('stops a lint over cors.timeBudget, says so once, and leaves that document alone until reopened', async () => {
    // The large document takes over a second to lint; its budget is the least allowed, 100 ms.
    // Other documents keep the default budget, so a cold worker's first lint never trips it.
    const large = fileUri('slow.js');
    client = await TestClient.start({
      onConfiguration: (params) =>
        params.items.map((item) => (item.scopeUri === large ? { timeBudget: 100 } : null)),
    });
    const mark = client.publishMark;
    await client.open(large, `${largeDocument()}${SMALL}`);
    const notice = await client.waitForMessage((message) => message.message.includes(large));
    expect(notice.type).toBe(MessageType.Warning);
    expect(notice.message).toContain('longer than 0.1 s (cors.timeBudget)');
    expect((await client.waitForVersion(large, 1, mark)).diagnostics).toEqual([]);

    // Edited: not linted again (published empty at once), and no second notice.
    const version = await client.change(large, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: '// edited\n',
      },
    ]);
    expect((await client.waitForVersion(large, version, mark)).diagnostics).toEqual([]);
    expect(client.messages.filter((message) => message.message.includes(large))).toHaveLength(1);

    // Other documents still lint (in a fresh worker).
    const small = fileUri('after.js');
    await client.open(small, SMALL);
    expect((await client.waitForVersion(small, 1)).diagnostics.map((d) => d.code)).toEqual([
      'cors/valid-allow-origin',
    ]);
  });

  it('does not lint a minified or .min. document, as the CLI skips it, and logs why once', async () => {
    client = await TestClient.start();
    const minified = fileUri('app.js');
    const logMark = client.logs.events.length;
    // One long line with a finding in it.
    await client.open(minified, `${SMALL.replace(/\n/g, ';')}${'var a=1,b=2;'.repeat(3000)}\n`);
    expect((await client.waitForVersion(minified, 1)).diagnostics).toEqual([]);
    await client.waitForLog(
      (message) => message.includes(minified) && message.includes('minified (lines of'),
      logMark,
    );

    const named = fileUri('vendor.min.js');
    await client.open(named, SMALL);
    expect((await client.waitForVersion(named, 1)).diagnostics).toEqual([]);
    await client.waitForLog(
      (message) => message.includes(named) && message.includes('.min.'),
      logMark,
    );
  });
});
