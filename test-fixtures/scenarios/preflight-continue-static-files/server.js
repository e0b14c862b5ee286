// require-preflight-handler: cors() with `preflightContinue: true` in front of static files only.
// cors() sets its headers and passes the preflight on; express.static serves GET and HEAD only, and
// no route matches, so Express ends the OPTIONS with 404 and Chromium blocks the request ("It does
// not have HTTP ok status."). The suggestion removes the option, so cors() answers with 204.
const path = require('node:path');
const express = require('express');
const cors = require('cors');

const app = express();

app.use(cors({ origin: 'http://app.example.test', preflightContinue: true }));
app.use(express.static(path.join(__dirname)));

module.exports = app;
