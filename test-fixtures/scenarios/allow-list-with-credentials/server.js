// Account API for the single-page app, which sends its session cookie. Only the app's own
// origins may read responses with that cookie: the cors package sends back the one that matches.
const express = require('express');
const cors = require('cors');

const app = express();

app.use(
  cors({
    origin: ['http://app.example.test', 'http://admin.example.test'],
    credentials: true,
  }),
);

app.get('/account', (req, res) => {
  res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
