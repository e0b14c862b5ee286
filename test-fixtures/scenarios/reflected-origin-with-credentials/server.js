// no-reflected-origin-with-credentials: `origin: true` echoes every request's Origin while
// credentials are allowed. The app works, and so does a page on http://attacker.test reading the
// user's profile with their cookies. The suggestion allows an explicit list of origins instead.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: true, credentials: true }));
app.use(express.json());

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

app.patch('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', displayName: req.body.displayName });
});

module.exports = app;
