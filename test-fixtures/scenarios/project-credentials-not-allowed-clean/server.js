// The API allows the app's origin with credentials, which its client sends.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', credentials: true }));
app.get('/orders', (req, res) => res.json([{ id: 1 }]));

module.exports = app;
