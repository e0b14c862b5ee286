// The API lists the methods its browser clients may use and leaves DELETE out. Alone this file is
// fine; the client (another file of the project) deletes an order, and its preflight is refused.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: 'http://app.example.test', methods: ['GET', 'POST'] }));
app.delete('/orders/:id', (req, res) => res.json({ deleted: req.params.id }));

module.exports = app;
