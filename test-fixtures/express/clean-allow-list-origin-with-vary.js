// Express 4 with a hand-written CORS middleware: it copies listed origins back and sends
// Vary: Origin, so caches keep one answer per front end.
const express = require('express');

const app = express();
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

app.use((req, res, next) => {
  const origin = req.get('Origin');
  if (origin && ALLOWED_ORIGINS.includes(origin)) {
    res.set('Access-Control-Allow-Origin', origin);
  }
  res.vary('Origin');
  next();
});

app.get('/catalog', (req, res) => {
  res.set('Cache-Control', 'public, max-age=300');
  res.json([{ id: 1 }]);
});

app.listen(3000);
