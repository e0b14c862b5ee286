// The API accepts the Authorization header its client sends.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', allowedHeaders: ['Content-Type', 'Authorization'] }));
app.get('/orders', (req, res) => res.json([{ id: 1 }]));

module.exports = app;
