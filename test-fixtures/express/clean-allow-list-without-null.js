// Docs widget API. The widget iframe is served from its own origin instead of
// a sandboxed document, so it can be listed by name.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: ['https://docs.example.com', 'https://widget.docs.example.com'],
    credentials: true,
  }),
);

app.get('/widget/state', (req, res) => res.json({ user: req.session?.user ?? null }));

export default app;
