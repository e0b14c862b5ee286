// The account API behind nginx answers its own CORS: the storefront's origin, without credentials.
const express = require('express');
const cors = require('cors');

const app = express();
app.use('/account', cors({ origin: 'http://app.example.test' }));
app.get('/account/profile', (req, res) => res.json({ name: 'Ada' }));

module.exports = app;
