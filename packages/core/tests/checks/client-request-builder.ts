import type { ClientRequest } from '../../src/index.js';

/** A cross-origin `fetch` with nothing set, as the extraction gives it, with `overrides` on top. */
export function clientRequest(overrides: Partial<ClientRequest<string>>): ClientRequest<string> {
  return {
    at: 'call',
    client: 'fetch',
    url: { kind: 'known', value: 'https://api.example.com/items', at: 'url' },
    method: { kind: 'absent' },
    mode: { kind: 'absent' },
    headers: { writes: [], complete: true },
    body: { kind: 'none' },
    credentials: { kind: 'absent' },
    uploadListeners: [],
    responseReads: [],
    ...overrides,
  };
}
