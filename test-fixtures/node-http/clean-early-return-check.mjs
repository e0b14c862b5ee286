// Session API that refuses unknown origins up front; the check is kept in a constant.
import { createServer } from 'node:http';

const ALLOWED_ORIGINS = new Set(['https://app.example.com']);

createServer((req, res) => {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && ALLOWED_ORIGINS.has(origin);
  if (origin !== undefined && !allowed) {
    res.statusCode = 403;
    res.end();
    return;
  }
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.setHeader('Vary', 'Origin');
  res.end('{}');
}).listen(8085);
