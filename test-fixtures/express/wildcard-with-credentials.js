// Account API for the single-page app. The SPA sends the session cookie
// (`fetch(url, { credentials: 'include' })`), so credentials were enabled.
const express = require('express');
const cors = require('cors');
const session = require('express-session');

const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(
  cors({
    origin: '*',
    credentials: true,
  }),
);

app.get('/account', (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: 'sign in first' });
  return res.json({ id: req.session.userId });
});

module.exports = app;
