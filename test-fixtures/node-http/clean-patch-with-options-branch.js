// The same handler answering the preflight first with the CORS headers and 204.
const http = require('node:http');

const server = http.createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Origin', 'https://notes.example.com');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.writeHead(204);
    res.end();
    return;
  }
  if (req.method === 'PATCH') {
    res.setHeader('Access-Control-Allow-Origin', 'https://notes.example.com');
    res.end('{"saved":true}');
    return;
  }
  res.writeHead(405);
  res.end();
});

server.listen(8080);
