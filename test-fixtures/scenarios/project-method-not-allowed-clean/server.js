// The API lists DELETE among its methods, which its client uses.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', methods: ['GET', 'POST', 'DELETE'] }));
app.delete('/orders/:id', (req, res) => res.json({ deleted: req.params.id }));

module.exports = app;
