// Preflight handler with well-formed header values.
const http = require('node:http');

http
  .createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, DELETE');
      res.setHeader('Access-Control-Max-Age', '7200');
      res.statusCode = 204;
      res.end();
      return;
    }
    res.end('{}');
  })
  .listen(8084);
