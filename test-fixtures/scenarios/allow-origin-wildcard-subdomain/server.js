// valid-allow-origin: a '*' subdomain wildcard inside an origin. Browsers compare it literally,
// so Chromium blocks the request; the suggestion matches the subdomains with a regular expression.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://*.example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
