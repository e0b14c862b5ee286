// valid-allow-origin: the origin has no scheme. Chromium blocks the request (invalid value);
// the suggestion adds a scheme (it guesses https://, while this page is served over http://).
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'app.example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
