// Account API for the single-page app, which sends its session cookie. Credentials were enabled,
// but the origin stayed the wildcard: browsers block every credentialed request.
const express = require('express');
const cors = require('cors');

const app = express();

app.use(
  cors({
    origin: '*',
    credentials: true,
  }),
);

app.get('/account', (req, res) => {
  res.json({ id: 42, name: 'Ada' });
});

module.exports = app;
