// no-permissive-origin (strict): `cors()` without an origin sends Access-Control-Allow-Origin: *,
// so a page on http://attacker.test reads the team's internal report as well as the app does. Right
// for public data; here it is not. The suggestion allows an explicit list of origins.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());

app.get('/reports/quarterly', (req, res) => {
  res.json({ quarter: 'Q3', revenue: 1250000, churn: 0.031 });
});

module.exports = app;
