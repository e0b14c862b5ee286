// Clean twin of duplicate-allow-origin-cors-and-append: after cors(), the route sets the header
// again with res.set, which calls res.setHeader and replaces cors's value. One header line, so
// no-duplicate-allow-origin is silent and Chromium lets the page read the response.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/products', (req, res) => {
  res.set('Access-Control-Allow-Origin', 'http://app.example.test');
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
