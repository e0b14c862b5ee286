// Clean twin of the no-cors scenarios: a fire-and-forget `mode: 'no-cors'` POST with a text body
// and no header or read that mode forbids. The script looks only at `response.type` ('opaque').
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));

app.post('/events', (req, res) => {
  res.status(204).end();
});

module.exports = app;
