import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type CorsSettings } from '../protocol/settings.js';
import { REPORTED_PROBLEMS_CAP } from '../limits.js';

/**
 * Per-document settings, pulled from the client with `workspace/configuration`
 * (`{ scopeUri, section: 'cors' }`) and normalised server-side.
 *
 * One Promise per URI is cached, so the documents linted in a burst ask the client once. The cache
 * is cleared on `didChangeConfiguration` and a URI's entry is dropped when its document closes.
 * A client that cannot answer `workspace/configuration` gets the settings it pushed with
 * `didChangeConfiguration` (`{ settings: { cors: … } }`), or the defaults.
 */
export class SettingsProvider {
  readonly #connection: Connection;
  readonly #cache = new Map<string, Promise<CorsSettings>>();
  /** The same problems are logged once, not on every pull. */
  readonly #reported = new Set<string>();
  #canPull = false;
  #pushed: CorsSettings = DEFAULT_SETTINGS;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  /** Set from the client's capabilities during `initialize`. */
  set canPull(value: boolean) {
    this.#canPull = value;
  }

  get(uri: string): Promise<CorsSettings> {
    if (!this.#canPull) return Promise.resolve(this.#pushed);
    let settings = this.#cache.get(uri);
    if (settings === undefined) {
      settings = this.#pull(uri);
      this.#cache.set(uri, settings);
    }
    return settings;
  }

  /** `didChangeConfiguration`: forget everything; a push-only client's new settings are taken here. */
  changed(pushed: unknown): void {
    this.#cache.clear();
    if (!this.#canPull) {
      const section = isRecord(pushed) ? pushed['cors'] : undefined;
      this.#pushed =
        section === undefined
          ? DEFAULT_SETTINGS
          : this.#normalize(section, 'didChangeConfiguration');
    }
  }

  forget(uri: string): void {
    this.#cache.delete(uri);
  }

  async #pull(uri: string): Promise<CorsSettings> {
    let raw: unknown;
    try {
      raw = await this.#connection.workspace.getConfiguration({ scopeUri: uri, section: 'cors' });
    } catch (error) {
      // A client that fails the request must not stop linting: fall back to the defaults, and ask
      // again next time.
      this.#cache.delete(uri);
      this.#connection.console.warn(
        `cors: workspace/configuration failed (${errorText(error)}); using the default settings.`,
      );
      return DEFAULT_SETTINGS;
    }
    // An absent section (null/undefined) is the ordinary case of a user who set nothing.
    if (raw === null || raw === undefined) return DEFAULT_SETTINGS;
    return this.#normalize(raw, uri);
  }

  #normalize(raw: unknown, where: string): CorsSettings {
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) {
      if (this.#reported.has(problem)) continue;
      if (this.#reported.size > REPORTED_PROBLEMS_CAP) this.#reported.clear();
      this.#reported.add(problem);
      this.#connection.console.warn(`cors: ignored part of the settings for ${where}: ${problem}`);
    }
    return settings;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
