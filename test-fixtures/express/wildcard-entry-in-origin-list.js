// Partner API. The '*' was appended so "everyone else" can read the public
// catalogue too — but the cors package compares every list entry with the
// request's Origin, and no browser sends `Origin: *`, so it allows nothing.
const express = require('express');
const cors = require('cors');

const app = express();

const PARTNER_ORIGINS = ['https://shop.partner-one.example', 'https://partner-two.example'];

app.use(
  '/catalogue',
  cors({
    origin: [...PARTNER_ORIGINS, '*'],
    methods: ['GET'],
  }),
);

app.get('/catalogue/items', (req, res) => {
  res.json([{ sku: 'A-100', name: 'Kettle' }]);
});

module.exports = app;
