// no-null-origin: 'null' in the allow-list with credentials. The app works, and so does any page
// that runs its script in a sandboxed iframe (Origin: null) and reads the user's profile with their
// cookies. The suggestion removes the 'null' entry.
const express = require('express');
const cors = require('cors');

const app = express();
app.use(cors({ origin: ['http://app.example.test', 'null'], credentials: true }));
app.use(express.json());

app.get('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', csrfToken: 'tok-3f9a' });
});

app.patch('/profile', (req, res) => {
  res.json({ id: 42, email: 'ada@example.test', displayName: req.body.displayName });
});

module.exports = app;
