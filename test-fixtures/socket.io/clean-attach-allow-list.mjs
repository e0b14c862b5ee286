// The realtime server is created with the app and attached to the HTTP server
// once it exists. Its engine options list the one web client's origin.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

export const io = new Server({ serveClient: false, pingInterval: 20000 });

const engineOptions = {
  path: '/realtime',
  cors: { origin: ['https://chat.example.com'], credentials: true },
};

export function start(port) {
  const httpServer = createServer();
  io.attach(httpServer, engineOptions);
  httpServer.listen(port);
  return httpServer;
}
