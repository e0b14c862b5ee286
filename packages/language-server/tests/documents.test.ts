import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { describe, expect, it, vi } from 'vitest';
import { DocumentLinter, lintFileName } from '../src/documents.js';
import { LintQueue } from '../src/engine/lint-queue.js';
import type { SettingsProvider } from '../src/handlers/settings.js';
import type { WorkspaceIndexes } from '../src/project/workspace-indexes.js';
import { DEFAULT_SETTINGS } from '../src/protocol/settings.js';

const WORKER = new URL('../dist/engine/lint-worker.js', import.meta.url);
if (!existsSync(fileURLToPath(WORKER))) throw new Error('build first: npx tsc -b');
/** How long `vi.waitFor` waits for a state (the machine may be busy); it checks every 20 ms. */
const STATE_WAIT = { timeout: 60_000, interval: 20 };

describe('lintFileName', () => {
  it('lints JavaScript and TypeScript by extension, and untitled documents by language id', () => {
    expect(lintFileName('file:///srv/app/server.ts', 'typescript')).toBe('/srv/app/server.ts');
    expect(lintFileName('untitled:Untitled-1', 'javascript')).toBe('Untitled-1.js');
    expect(lintFileName('file:///srv/app/README.md', 'markdown')).toBeUndefined();
  });

  it('lints the names the plugin takes for nginx, whatever the editor calls them', () => {
    expect(lintFileName('file:///etc/nginx/sites-available/default', 'plaintext')).toBe(
      '/etc/nginx/sites-available/default',
    );
    expect(lintFileName('file:///srv/app/deploy/nginx.conf', 'nginx')).toBe(
      '/srv/app/deploy/nginx.conf',
    );
    expect(lintFileName('file:///etc/nginx/conf.d/api.conf', 'properties')).toBe(
      '/etc/nginx/conf.d/api.conf',
    );
  });

  it('lints another name the editor calls nginx as a .nginx file, and leaves other .conf files alone', () => {
    expect(lintFileName('file:///srv/app/proxy/api.conf', 'nginx')).toBe(
      '/srv/app/proxy/api.conf.nginx',
    );
    expect(lintFileName('untitled:Untitled-2', 'nginx')).toBe('Untitled-2.nginx');
    expect(lintFileName('file:///etc/supervisor/app.conf', 'plaintext')).toBeUndefined();
  });
});

describe('DocumentLinter and the project index', () => {
  /** A linter whose connection and index record what they are sent; `onPublish` runs at each publish. */
  function recordingLinter(onPublish: (version: number | undefined) => void = () => {}) {
    const events: string[] = [];
    const connection = {
      sendDiagnostics: (params: { version?: number }) => {
        events.push(`publish v${params.version}`);
        onPublish(params.version);
        return Promise.resolve();
      },
      sendNotification: () => Promise.resolve(),
      console: { log() {}, warn() {}, error() {} },
    } as unknown as Connection;
    const settings = {
      get: () => Promise.resolve(DEFAULT_SETTINGS),
      forget() {},
    } as unknown as SettingsProvider;
    const project = {
      overlay: (_file: string, text: (() => string) | undefined) =>
        events.push(text ? `overlay ${text().length}` : 'overlay closed'),
      factsFor: () => undefined,
      rootOf: () => '/srv/app',
    } as unknown as WorkspaceIndexes;
    const linter = new DocumentLinter(
      connection,
      settings,
      new LintQueue({ workerUrl: WORKER }),
      undefined,
      project,
    );
    return { events, linter };
  }
  const uri = 'file:///srv/app/server.js';
  const text = `import cors from 'cors';\napp.use(cors({ origin: 'https://shop.example.com/' }));\n`;

  it("hands the index a document's text once its lint is done, not at the change", async () => {
    // Issue 15, item 18: the index re-parsed every keystroke of a server file while the lint of
    // that keystroke ran, and the two competed for the CPUs.
    const { events, linter } = recordingLinter();
    try {
      linter.opened({ textDocument: { uri, languageId: 'javascript', version: 1, text } });
      await vi.waitFor(() => expect(events).toContain(`overlay ${text.length}`), STATE_WAIT);
      linter.changed({
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: `${text}\n` }],
      });
      await vi.waitFor(() => expect(events).toContain(`overlay ${text.length + 1}`), STATE_WAIT);
      expect(events).toEqual([
        'publish v1',
        `overlay ${text.length}`,
        'publish v2',
        `overlay ${text.length + 1}`,
      ]);
    } finally {
      linter.dispose();
    }
  });

  it('takes in a keystroke that arrives just after a publish before handing the text over', async () => {
    // The hand-over copies the text on the main thread: the next keystroke, a few milliseconds
    // behind the publish, would wait for it. It waits for a pause without lints instead.
    const recorded = recordingLinter((version) => {
      if (version === 1)
        setTimeout(
          () =>
            recorded.linter.changed({
              textDocument: { uri, version: 2 },
              contentChanges: [{ text: `${text}\n` }],
            }),
          5,
        );
    });
    const { linter } = recorded;
    try {
      linter.opened({ textDocument: { uri, languageId: 'javascript', version: 1, text } });
      await vi.waitFor(
        () => expect(recorded.events).toContain(`overlay ${text.length + 1}`),
        STATE_WAIT,
      );
      expect(recorded.events).toEqual(['publish v1', 'publish v2', `overlay ${text.length + 1}`]);
    } finally {
      linter.dispose();
    }
  });
});
