// Clean: an explicit allow-list with credentials. Chromium allows the app's credentialed JSON
// PATCH (cors reflects the requested headers and echoes the matching origin).
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['http://app.example.test'], credentials: true }));
app.use(express.json());

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

app.patch('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', displayName: req.body.displayName });
});

module.exports = app;
