// Reporting API (TypeScript). The origin callback approves only known origins.
import express, { type Request, type Response } from 'express';
import cors, { type CorsOptions } from 'cors';

const ALLOWED_ORIGINS = new Set(['https://reports.example.com', 'https://admin.example.com']);

const corsOptions: CorsOptions = {
  origin: (origin: string | undefined, callback: (err: Error | null, allow?: boolean) => void) => {
    // Same-origin and server-to-server requests carry no Origin header.
    callback(null, origin === undefined || ALLOWED_ORIGINS.has(origin));
  },
  credentials: true,
};

const app = express();
app.use(cors(corsOptions));

app.get('/reports', (req: Request, res: Response) => {
  res.json({ owner: (req as Request & { user?: { id: string } }).user?.id });
});

export default app;
