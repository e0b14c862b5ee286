// no-unsafe-origin-check: the origin callback accepts every origin ending in 'example.test'. An
// attacker who registers http://attackerexample.test passes the check and reads the user's profile
// with their cookies.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(
  cors({
    origin: (origin, callback) => callback(null, !origin || origin.endsWith('example.test')),
    credentials: true,
  }),
);

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

module.exports = app;
