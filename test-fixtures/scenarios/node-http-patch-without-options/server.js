// require-preflight-handler: a plain node:http handler sets its CORS headers only in the PATCH
// branch and has no OPTIONS branch. The preflight falls through to the 404 without
// Access-Control-Allow-Origin, so Chromium blocks the PATCH. The suggestion answers OPTIONS first
// with the same headers and 204.
const http = require('node:http');

function handler(req, res) {
  if (req.method === 'PATCH' && req.url.startsWith('/items/')) {
    res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
    res.setHeader('Access-Control-Allow-Methods', 'PATCH');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: req.url.slice('/items/'.length), done: true }));
    return;
  }
  res.writeHead(404);
  res.end();
}

// The oracle serves the exported handler itself; a real server would call listen().
http.createServer(handler);

module.exports = handler;
