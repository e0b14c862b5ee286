// The API allows the app's origin but not credentials. Alone this file is fine; the client
// (another file of the project) sends cookies, so every one of its requests fails.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test' }));
app.get('/orders', (req, res) => res.json([{ id: 1 }]));

module.exports = app;
