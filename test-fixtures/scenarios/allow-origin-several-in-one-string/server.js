// valid-allow-origin: two origins in one string. The cors package sends a string verbatim,
// so the header holds two values and Chromium blocks the request (multiple values); the suggestion
// turns the string into an array, from which cors echoes the one matching origin.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test, http://admin.example.test' }));

app.get('/products', (req, res) => {
  res.json([
    { id: 1, name: 'Kettle', price: 39 },
    { id: 2, name: 'Teapot', price: 24 },
  ]);
});

module.exports = app;
