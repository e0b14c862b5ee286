// Plain Node http: the support page needs the request id to file tickets, but the header is
// not exposed, so the page on the other origin reads it as null.
const http = require('node:http');
const { randomUUID } = require('node:crypto');

const ALLOWED_ORIGINS = new Set(['https://support.example.com']);

http
  .createServer((req, res) => {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    if (origin && ALLOWED_ORIGINS.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
    }
    res.setHeader('X-Request-Id', randomUUID());
    res.setHeader('Content-Type', 'application/json');
    res.end('{"status":"ok"}');
  })
  .listen(8080);
