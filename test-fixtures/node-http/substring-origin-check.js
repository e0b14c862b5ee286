// Image proxy (CRLF line endings). «Nur für example.com» — ünïcödé and 表情 😀 before the findings.
const http = require('node:http');

http
  .createServer((req, res) => {
    const origin = req.headers.origin || '';
    if (origin.includes('example.com') || origin.indexOf('https://localhost') === 0) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.end('🖼️');
  })
  .listen(8082);
