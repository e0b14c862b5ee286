/**
 * The three loopback servers of a test file, started once on port 0 and re-pointed per scenario:
 * - the API (127.0.0.2) runs the scenario's Express app inside a plain `http` server that records
 *   every request (method, path, headers) and the headers each response really sent, so scenarios
 *   need no counting code of their own;
 * - the app page (127.0.0.1) serves an empty HTML page, `/client.js` (the scenario's client) and
 *   the browser builds of the libraries a client may import (`import axios from 'axios'`);
 * - the attacker (127.0.0.3) serves the same for any host name mapped to it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_ADDRESS, APP_ADDRESS, ATTACKER_ADDRESS } from './hosts.js';
import { IMPORT_MAP, VENDOR_MODULES, vendorRoute } from './vendor.js';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RecordedExchange {
  readonly method: string;
  readonly path: string;
  readonly origin: string | undefined;
  /** The request's headers as they arrived (names in lowercase), to see which headers a browser dropped. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  status: number | undefined;
  /** Header names in lowercase, as the server sent them (several lines of one header joined with `, `). */
  headers: Record<string, string> | undefined;
}

export interface ApiServer {
  readonly port: number;
  /** Every request since the last `reset`, in arrival order. */
  readonly exchanges: RecordedExchange[];
  use(app: RequestHandler): void;
  reset(): void;
  close(): Promise<void>;
}

export interface PageServer {
  readonly port: number;
  setClient(source: string): void;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>oracle</title><script type="importmap">${IMPORT_MAP}</script></head><body></body></html>`;

const VENDOR_FILES: ReadonlyMap<string, string> = new Map(
  [...VENDOR_MODULES].map(([name, file]) => [vendorRoute(name), file]),
);

function listen(handler: RequestHandler, address: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler);
    server.once('error', reject);
    server.listen(0, address, () => resolve(server));
  });
}

function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The header block Node wrote on the socket: the only place every header of a response shows up. */
function sentHeaders(res: http.ServerResponse): Record<string, string> {
  const raw = (res as unknown as { _header?: unknown })._header;
  const headers: Record<string, string> = {};
  if (typeof raw !== 'string') {
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value !== undefined)
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return headers;
  }
  for (const line of raw.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

export async function startApiServer(): Promise<ApiServer> {
  let app: RequestHandler | undefined;
  const exchanges: RecordedExchange[] = [];
  const server = await listen((req, res) => {
    const exchange: RecordedExchange = {
      method: req.method ?? '',
      path: req.url ?? '',
      origin: typeof req.headers.origin === 'string' ? req.headers.origin : undefined,
      requestHeaders: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      ),
      status: undefined,
      headers: undefined,
    };
    exchanges.push(exchange);
    res.on('finish', () => {
      exchange.status = res.statusCode;
      exchange.headers = sentHeaders(res);
    });
    if (!app) {
      res.statusCode = 503;
      res.end('no scenario loaded');
      return;
    }
    try {
      app(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }, API_ADDRESS);
  return {
    port: portOf(server),
    exchanges,
    use(next) {
      app = next;
    },
    reset() {
      exchanges.length = 0;
    },
    close: () => close(server),
  };
}

/** A page server: `/` is an empty page, `/client.js` the scenario's client module, `/vendor/*.js` the libraries it imports. */
async function startPageServer(address: string): Promise<PageServer> {
  let client = 'export default function request() { throw new Error("no scenario loaded"); }';
  const server = await listen((req, res) => {
    const route = (req.url ?? '/').split('?')[0] ?? '/';
    res.setHeader('Cache-Control', 'no-store');
    if (route === '/') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(PAGE);
    } else if (route === '/client.js') {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      // A sandboxed iframe (origin `null`) imports the client cross-origin, in CORS mode.
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end(client);
    } else if (VENDOR_FILES.has(route)) {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end(fs.readFileSync(VENDOR_FILES.get(route)!));
    } else {
      res.statusCode = route === '/favicon.ico' ? 204 : 404;
      res.end();
    }
  }, address);
  return {
    port: portOf(server),
    setClient(source) {
      client = source;
    },
    close: () => close(server),
  };
}

export const startAppServer = () => startPageServer(APP_ADDRESS);
export const startAttackerServer = () => startPageServer(ATTACKER_ADDRESS);
