// no-unsafe-origin-check: the first '.' in the origin regex is not escaped, so it matches any
// character and an attacker who registers http://appxexample.test reads the user's profile with
// their cookies. The suggestion escapes the dot.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: /^http:\/\/app.example\.test$/, credentials: true }));
app.use(express.json());

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

app.patch('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', displayName: req.body.displayName });
});

module.exports = app;
