// Status endpoint answering with writeHead and a header object.
import { createServer } from 'node:http';

createServer((req, res) => {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Credentials': true,
  });
  res.end(JSON.stringify({ status: 'ok', user: req.headers.cookie ? 'known' : 'anonymous' }));
}).listen(8081);
