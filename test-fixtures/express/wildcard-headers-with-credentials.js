// Files API: accepts any request header and method — or so it seems. With
// credentials, browsers read '*' as a literal name.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'https://files.example.com',
    credentials: true,
    methods: '*',
    allowedHeaders: ['*'],
    exposedHeaders: '*',
  }),
);

app.delete('/files/:id', (req, res) => res.status(204).end());

export default app;
