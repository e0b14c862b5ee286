// no-reflected-origin-with-credentials: the allow-list has a pattern every http origin matches,
// `/^http:\/\/.*$/`, while credentials are allowed. It looks like a check, but a page on
// http://attacker.test reads the user's profile with their cookies as the app does. The suggestion
// puts the app's origin in the pattern's place.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: [/^http:\/\/.*$/], credentials: true }));

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

module.exports = app;
