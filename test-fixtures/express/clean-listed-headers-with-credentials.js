// Files API with credentials: the methods and headers it accepts are listed by name.
import express from 'express';
import cors from 'cors';

const app = express();

app.use(
  cors({
    origin: 'https://files.example.com',
    credentials: true,
    methods: ['GET', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Upload-Id'],
    exposedHeaders: ['Content-Range', 'X-Upload-Id'],
  }),
);

app.delete('/files/:id', (req, res) => res.status(204).end());

export default app;
