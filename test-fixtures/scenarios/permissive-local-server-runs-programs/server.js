// no-permissive-local-server: the local companion server of a developer tool runs programs in the
// user's projects, and `cors()` lets every origin read its answers: a page on http://attacker.test
// lists the user's projects (and could start commands). The suggestion allows the tool's own UI only.
const { execFileSync } = require('node:child_process');
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors());

app.get('/projects', (req, res) => {
  const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
  res.json([{ name: 'billing-service', path: '/home/ada/src/billing-service', node }]);
});

module.exports = app;
