// Internal admin API, readable only by the admin console.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors({ origin: 'https://admin.example.com' }));

app.get('/admin/users', (req, res) => res.json([{ id: 1, email: 'ada@example.com' }]));

export default app;
