// Clean twin of the strict-* scenarios, linted with `strict` too: a GET with no header the script
// sets is a simple request, so even no-accidental-preflight's `all` finds no preflight, and
// Chromium sends none.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.get('/items', (req, res) => {
  res.json([{ id: 7, name: 'Kettle' }]);
});

module.exports = app;
