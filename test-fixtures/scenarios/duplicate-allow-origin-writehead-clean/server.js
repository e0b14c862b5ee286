// Clean: Node merges headers given to res.writeHead with those set by res.setHeader, and the
// writeHead value wins for the same name. The header is written twice in code but sent once, so
// no-duplicate-allow-origin is silent and Chromium lets the page read the response.
const express = require('express');

const app = express();

app.get('/products', (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', 'http://app.example.test');
  res.writeHead(200, { 'Access-Control-Allow-Origin': 'http://app.example.test', 'Content-Type': 'application/json' });
  res.end(JSON.stringify([{ id: 1, name: 'Kettle', price: 39 }]));
});

module.exports = app;
