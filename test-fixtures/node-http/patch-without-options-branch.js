// CORS headers only in the PATCH branch and no OPTIONS branch: the browser's preflight falls
// through to the 405 without Access-Control-Allow-Origin.
const http = require('node:http');

const server = http.createServer((req, res) => {
  if (req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://notes.example.com');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.end('{"saved":true}');
    return;
  }
  res.writeHead(405);
  res.end();
});

server.listen(8080);
