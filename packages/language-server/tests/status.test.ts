/**
 * `cors/status` (issue 15, item 14): the server tells a client that asked for it whether the lint
 * worker has work and which documents were stopped for their time budget, so the VS Code extension
 * can show it in its language status item. Other clients get no such notification.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, TestClient } from './helpers/lsp-client.js';

const SMALL = `import express from 'express';
import cors from 'cors';

const app = express();
app.use(cors({ origin: 'https://shop.example.com/' }));
`;

/** Thousands of cors() registrations without a finding: well over the least budget (100 ms) to lint. */
function slowDocument(count = 4000): string {
  const lines = Array.from(
    { length: count },
    (_, i) =>
      `app.use('/v${i}', cors({ origin: ['https://shop${i}.example.com'], credentials: true }));`,
  );
  return `import express from 'express';\nimport cors from 'cors';\n\nconst app = express();\n${lines.join('\n')}\n`;
}

const WANTS_STATUS = { statusNotification: true };

describe('cors/status', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('says busy while a document is linted and idle again before its diagnostics arrive', async () => {
    client = await TestClient.start({ initializationOptions: WANTS_STATUS });
    const uri = fileUri('small.js');
    await client.open(uri, SMALL);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    // The idle notice is sent when the worker answers, ahead of the publish on the same pipe.
    expect(client.statuses.events).toEqual([
      { busy: true, overBudget: [] },
      { busy: false, overBudget: [] },
    ]);
  });

  it('lists a document stopped by cors.timeBudget until it closes', async () => {
    const slow = fileUri('slow.js');
    client = await TestClient.start({
      initializationOptions: WANTS_STATUS,
      onConfiguration: (params) =>
        params.items.map((item) => (item.scopeUri === slow ? { timeBudget: 100 } : null)),
    });
    await client.open(slow, slowDocument());
    const stopped = await client.waitForStatus((status) => status.overBudget.length > 0);
    expect(stopped.overBudget).toEqual([{ uri: slow, budgetMs: 100 }]);
    // The same news as the window/showMessage warning.
    expect(
      (await client.waitForMessage((message) => message.message.includes(slow))).message,
    ).toContain('cors.timeBudget');
    const mark = client.statuses.events.length;
    await client.close(slow);
    expect(await client.waitForStatus((status) => status.overBudget.length === 0, mark)).toEqual({
      busy: false,
      overBudget: [],
    });
  });

  it('is not sent to a client that did not ask for it', async () => {
    client = await TestClient.start();
    const uri = fileUri('quiet.js');
    await client.open(uri, SMALL);
    expect((await client.waitForVersion(uri, 1)).diagnostics).toHaveLength(1);
    expect(client.statuses.events).toEqual([]);
  });
});
