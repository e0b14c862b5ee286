// Image proxy (CRLF line endings). «Nur für example.com» — ünïcödé and 表情 😀, as in the broken twin.
const http = require('node:http');

const ALLOWED = ['https://example.com', 'https://www.example.com', 'https://localhost:3000'];

http
  .createServer((req, res) => {
    const origin = req.headers.origin || '';
    if (ALLOWED.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    res.end('🖼️');
  })
  .listen(8082);
