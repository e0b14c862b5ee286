// Internal admin API. `cors()` with no options lets every website read it.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(cors());

app.get('/admin/users', (req, res) => res.json([{ id: 1, email: 'ada@example.com' }]));

export default app;
