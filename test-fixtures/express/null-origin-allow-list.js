// Docs widget API. 'null' was added so the widget works inside a sandboxed
// iframe — but every sandboxed attacker page sends `Origin: null` too.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: ['https://docs.example.com', 'null'],
    credentials: true,
  }),
);

app.get('/widget/state', (req, res) => res.json({ user: req.session?.user ?? null }));

export default app;
