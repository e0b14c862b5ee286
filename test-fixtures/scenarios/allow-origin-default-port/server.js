// valid-allow-origin: the origin names the default port 80, which the browser leaves out of
// the Origin it sends, so Chromium blocks the request; the autofix drops the port.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test:80' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
