/**
 * What an editor (or a broken client) can throw at the server, against the built server in a
 * child process: each case must leave it answering, with the diagnostics the design promises.
 */
import { CodeActionRequest, HoverRequest, type Diagnostic } from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, TestClient } from './helpers/lsp-client.js';

const BROKEN = `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: 'https://shop.example.com/' }));
`;
const BROKEN_LINE = 4;
const BROKEN_COLUMN = BROKEN.split('\n')[BROKEN_LINE]!.indexOf("'https://shop.example.com/'");

/** The server still answers a request: it neither crashed nor wedged. */
async function expectAlive(client: TestClient): Promise<void> {
  const hover = await client.connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: 'file:///not-open.js' },
    position: { line: 0, character: 0 },
  });
  expect(hover).toBeNull();
  expect(client.child.exitCode).toBeNull();
}

describe('bad input', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await TestClient.start();
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('while the text does not parse, shows one parse error instead of the old findings at their old positions', async () => {
    const uri = fileUri('typing.ts');
    await client.open(uri, BROKEN);
    const good = await client.waitForVersion(uri, 1);
    expect(good.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['cors/valid-allow-origin', BROKEN_LINE],
    ]);

    // Half-typed code above the finding: everything below moves down a line, and nothing parses.
    const typing = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: "app.get('/x', (req, res => {\n",
      },
    ]);
    const during = await client.waitForVersion(uri, typing);
    expect(during.diagnostics).toHaveLength(1);
    const [parseError] = during.diagnostics as [Diagnostic];
    expect(parseError).toMatchObject({ severity: 1, source: 'cors' });
    expect(parseError.message).toMatch(/^Parsing error: /);
    expect(parseError.code).toBeUndefined();
    expect(parseError.data).toBeUndefined();
    // It offers no quick fix and no hover of its own.
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: parseError.range,
      context: { diagnostics: [parseError] },
    });
    expect(actions).toEqual([]);
    expect(
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: parseError.range.start,
      }),
    ).toBeNull();

    // Parses again: the finding is back, where it now is.
    const healed = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
    ]);
    expect(
      (await client.waitForVersion(uri, healed)).diagnostics.map((d) => [
        d.code,
        d.range.start.line,
      ]),
    ).toEqual([['cors/valid-allow-origin', BROKEN_LINE]]);
    await client.close(uri);
  });

  it('does not lint a 5 MB document: publishes empty and logs once; lints again once it is small', async () => {
    const uri = fileUri('bundle.js');
    // CORS-relevant, valid JavaScript, over the limit.
    const filler = `// ${'x'.repeat(1000)}\n`.repeat(Math.ceil((5.2 * 1024 * 1024) / 1004));
    const logMark = client.logs.events.length;
    await client.open(uri, BROKEN + filler);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toEqual([]);
    await client.waitForLog(
      (message) => message.includes(uri) && message.includes('over the 5.0 MB limit'),
      logMark,
    );

    const v2 = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: '// edited\n',
      },
    ]);
    expect((await client.waitForVersion(uri, v2)).diagnostics).toEqual([]);
    expect(
      client.logs.events.slice(logMark).filter((event) => event.message.includes(uri)),
    ).toHaveLength(1);

    const v3 = await client.replaceAll(uri, BROKEN);
    expect((await client.waitForVersion(uri, v3)).diagnostics.map((d) => d.code)).toEqual([
      'cors/valid-allow-origin',
    ]);
    await client.close(uri);
  });

  it('does not lint binary content (NUL bytes): publishes empty and logs', async () => {
    const uri = fileUri('weird.js');
    const logMark = client.logs.events.length;
    await client.open(uri, `${BROKEN}\u0000\u0001\u0002\uFFFD\u0000PNG`);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toEqual([]);
    await client.waitForLog(
      (message) => message.includes(uri) && /NUL|binary/.test(message),
      logMark,
    );
    await expectAlive(client);
    await client.close(uri);
  });

  it('survives malformed settings: lints with the defaults and logs what it ignored', async () => {
    const uri = fileUri('settings.js');
    const logMark = client.logs.events.length;
    await client.changeSettings({
      enable: 'yes',
      run: 42,
      config: 'everything',
      rules: { 'no-such-rule': 'error', 'valid-allow-origin': 'loud' },
      appOrigins: { a: 1 },
      bogus: true,
    });
    await client.open(uri, BROKEN);
    const published = await client.waitForVersion(uri, 1);
    expect(published.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['cors/valid-allow-origin', 1],
    ]);
    await client.waitForLog(
      (message) => /settings/.test(message) && /cors\.run/.test(message),
      logMark,
    );

    // Not even an object.
    for (const settings of ['strict', 17, [1, 2], { rules: null }]) {
      const mark = client.publishMark;
      await client.changeSettings(settings);
      expect((await client.waitForPublish(uri, { from: mark })).diagnostics).toHaveLength(1);
    }
    await client.changeSettings(undefined);
    await client.close(uri);
  });

  it('publishes nothing for a document closed while it is being linted', async () => {
    const closing = fileUri('closing.js');
    const witness = fileUri('witness.js');
    let closedDuringLint = false;
    // The client closes the document while the server waits for its settings (the lint's first step),
    // then answers.
    client.onConfiguration = async (params) => {
      if (!closedDuringLint && params.items.some((item) => item.scopeUri === closing)) {
        closedDuringLint = true;
        await client.close(closing);
      }
      return params.items.map(() => null);
    };
    try {
      const mark = client.publishMark;
      await client.open(closing, BROKEN);
      await client.waitForPublish(closing, { from: mark });
      expect(closedDuringLint).toBe(true);
      // The server handles messages in order: a lint of the closed document would publish before it
      // answers a document opened after the settings reply.
      await client.open(witness, BROKEN);
      expect((await client.waitForVersion(witness, 1)).diagnostics).toHaveLength(1);
      const publishes = client.publishes.events
        .slice(mark)
        .filter((event) => event.uri === closing);
      expect(publishes).toEqual([{ uri: closing, diagnostics: [] }]);
    } finally {
      client.onConfiguration = undefined;
    }
    await client.close(witness);
  });

  it('1,000 changes in a burst: coalesced into a few lints, the last for the final version, with bounded memory', async () => {
    const uri = fileUri('burst.js');
    await client.open(uri, BROKEN);
    const [first] = (await client.waitForVersion(uri, 1)).diagnostics as [Diagnostic];
    expect(first.range.start).toEqual({ line: BROKEN_LINE, character: BROKEN_COLUMN });
    const rssBefore = client.rss();

    const mark = client.publishMark;
    // Typing 1,000 spaces at the start of the flagged line, one change per keystroke.
    const sends: Promise<number>[] = [];
    for (let i = 0; i < 1000; i++)
      sends.push(
        client.change(uri, [
          {
            range: {
              start: { line: BROKEN_LINE, character: 0 },
              end: { line: BROKEN_LINE, character: 0 },
            },
            text: ' ',
          },
        ]),
      );
    const versions = await Promise.all(sends);
    const last = versions.at(-1)!;
    expect(last).toBe(1001);

    const final = await client.waitForVersion(uri, last, mark);
    // Every keystroke was applied: the report moved 1,000 columns to the right.
    expect(final.diagnostics.map((d) => d.range.start)).toEqual([
      { line: BROKEN_LINE, character: BROKEN_COLUMN + 1000 },
    ]);
    // Changes that arrived together were linted together: a handful of publishes, not one per keystroke
    // (how many depends on how the pipe splits the burst), in version order, the final one last.
    const published = client.publishes.events.slice(mark).filter((event) => event.uri === uri);
    expect(published.length).toBeLessThanOrEqual(50);
    expect(published.at(-1)).toBe(final);
    const versionsPublished = published.map((event) => event.version ?? 0);
    expect(versionsPublished).toEqual([...versionsPublished].sort((a, b) => a - b));

    const rssAfter = client.rss();
    expect(rssAfter - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect(rssAfter).toBeLessThan(400 * 1024 * 1024);
    await client.close(uri);
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await expect(
      client.connection.sendRequest('cors/noSuchMethod', { x: 1 }),
    ).rejects.toMatchObject({ code: -32601 });
    await client.connection.sendNotification('cors/noSuchNotification', { x: 1 });
    await client.connection.sendNotification('$/noSuchNotification');
    await expectAlive(client);
  });

  it('survives malformed JSON-RPC bytes on stdin', async () => {
    const frame = (body: string) =>
      `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    const garbage = [
      frame('{not json at all'),
      frame('{"jsonrpc":"2.0","id":"bad-1","method":"textDocument/hover","params":null}'),
      frame(
        '{"jsonrpc":"2.0","id":"bad-2","method":"textDocument/codeAction","params":{"textDocument":42}}',
      ),
      frame(
        '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7}}}',
      ),
      frame(
        '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///never-opened.js","version":2},"contentChanges":[{"text":"x"}]}}',
      ),
      frame('[1,2,3]'),
      frame('null'),
      frame('"just a string"'),
      'X-Nonsense: 1\r\n\r\n',
      'Content-Length: many\r\n\r\n',
    ];
    for (const chunk of garbage) client.child.stdin.write(chunk);
    // vscode-jsonrpc's reader stops reading the current chunk at a bad header and resumes with the
    // next chunk, so a request that arrived in the same chunk waits for more input: like an editor
    // sending its next message, another notification gets it going.
    const answered = client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///not-open.js' },
      position: { line: 0, character: 0 },
    });
    let settled = false;
    void answered.finally(() => (settled = true));
    for (let attempt = 0; attempt < 10 && !settled; attempt++) {
      await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 500))]);
      if (!settled) await client.connection.sendNotification('$/kick');
    }
    expect(await answered).toBeNull();
    // A valid request after all of it still gets its answer, and documents still lint.
    await expectAlive(client);
    const uri = fileUri('after-garbage.js');
    await client.open(uri, BROKEN);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    await client.close(uri);
  });

  it.each([
    ['too large', 40],
    ['too small', -7],
  ])('reads a message whose Content-Length is %s, logs the repair, and goes on', async (_, lie) => {
    const uri = fileUri(`lying-${lie}.js`);
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'javascript', version: 1, text: BROKEN } },
    });
    const logMark = client.logs.events.length;
    client.child.stdin.write(
      `Content-Length: ${Buffer.byteLength(body, 'utf8') + lie}\r\n\r\n${body}`,
    );
    // The next message shows where the lying one really ended (too large), or it parses as it is (too small).
    await expectAlive(client);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    const log = await client.waitForLog((message) => message.includes('Content-Length'), logMark);
    expect(log.message).toContain(
      `claimed Content-Length ${Buffer.byteLength(body, 'utf8') + lie}`,
    );
    await expectAlive(client);
    await client.close(uri);
  });

  it('drops a body that is not a message when the frame around it lied, and goes on', async () => {
    const logMark = client.logs.events.length;
    client.child.stdin.write(
      'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"textDocument/did',
    );
    await expectAlive(client);
    await client.waitForLog(
      (message) => message.includes('not a message and were dropped'),
      logMark,
    );
    const uri = fileUri('after-lie.js');
    await client.open(uri, BROKEN);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    await client.close(uri);
  });
});
