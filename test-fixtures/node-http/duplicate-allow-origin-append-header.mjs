// node:http: a helper sets the CORS header, then the handler appends it again with appendHeader.
// Node sends one header line per value: the browser sees two.
import { createServer } from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.setHeader('Vary', 'Origin');
  res.appendHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
}).listen(8080);
