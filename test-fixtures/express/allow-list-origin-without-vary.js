// Express 4 with a hand-written CORS middleware: it copies listed origins back but never sends
// Vary: Origin, so a cached answer for one front end is served to the other.
const express = require('express');

const app = express();
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
  }
  next();
});

app.get('/catalog', (req, res) => {
  res.set('Cache-Control', 'public, max-age=300');
  res.json([{ id: 1 }]);
});

app.listen(3000);
