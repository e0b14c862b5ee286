// The API lists the request headers it accepts and leaves Authorization out. Alone this file is
// fine; the client (another file of the project) sends a bearer token, and its preflight is refused.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', allowedHeaders: ['Content-Type'] }));
app.get('/orders', (req, res) => res.json([{ id: 1 }]));

module.exports = app;
