// Status endpoint answering with writeHead and a header object, for the dashboard only.
import { createServer } from 'node:http';

createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': 'https://dashboard.example.com',
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  });
  res.end(JSON.stringify({ status: 'ok', user: req.headers.cookie ? 'known' : 'anonymous' }));
}).listen(8081);
