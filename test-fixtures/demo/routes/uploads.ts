// Attachment uploads from the admin console. The console sends a bearer token
// in the Authorization header and the session cookie.
import { Router, type Request, type Response } from 'express';
import cors, { type CorsOptions } from 'cors';
import { storeUpload } from '../services/uploads.js';

const uploadCors: CorsOptions = {
  origin: 'https://admin.example.com',
  credentials: true,
  allowedHeaders: '*',
  exposedHeaders: ['Location'],
  maxAge: 600,
};

export const uploadsRouter = Router();

uploadsRouter.options('*', cors(uploadCors));
uploadsRouter.post('/', cors(uploadCors), async (req: Request, res: Response) => {
  const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
  const id: string = await storeUpload(token, req.body as Buffer);
  res.status(201).location(`/api/uploads/${id}`).end();
});
