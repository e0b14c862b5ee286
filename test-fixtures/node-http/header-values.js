// Preflight handler with hand-written header values: a comma list of origins,
// 'True' for credentials, space-separated methods and an over-long max-age.
const http = require('node:http');

http
  .createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', 'https://a.example.com, https://b.example.com');
    res.setHeader('Access-Control-Allow-Credentials', 'True');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET PUT DELETE');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.statusCode = 204;
      res.end();
      return;
    }
    res.end('{}');
  })
  .listen(8084);
