// Account API for the single-page app, which sends the session cookie.
// Only the app's own origins may read responses with that cookie.
const express = require('express');
const cors = require('cors');
const session = require('express-session');

const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(
  cors({
    origin: ['https://app.example.com', 'https://admin.example.com'],
    credentials: true,
  }),
);

app.get('/account', (req, res) => {
  if (!req.session.userId) return res.status(401).json({ error: 'sign in first' });
  return res.json({ id: req.session.userId });
});

module.exports = app;
