// Clean: an anchored regular expression with every dot escaped, matching exactly
// http://app.example.test and http://admin.example.test, with credentials. Chromium allows the app.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: /^http:\/\/(app|admin)\.example\.test$/, credentials: true }));
app.use(express.json());

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

app.patch('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', displayName: req.body.displayName });
});

module.exports = app;
