// valid-allow-origin: the host has uppercase letters. Browsers send the origin in lowercase
// and compare byte for byte, so Chromium blocks the request; the autofix lowercases the host.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://App.Example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
