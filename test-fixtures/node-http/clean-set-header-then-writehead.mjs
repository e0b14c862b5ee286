// node:http: the header is set with setHeader and again in writeHead. Node merges the two and the
// writeHead value replaces the earlier one, so one Access-Control-Allow-Origin line is sent.
import { createServer } from 'node:http';

const ALLOWED_ORIGIN = 'https://app.example.com';

createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.setHeader('Vary', 'Origin');
  res.writeHead(200, { 'Access-Control-Allow-Origin': ALLOWED_ORIGIN, 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
}).listen(8080);
