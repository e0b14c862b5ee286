// The realtime server is created with the app and attached to the HTTP server
// once it exists. Its engine options approve every origin with credentials:
// any website a signed-in user visits can open the long-polling transport.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

export const io = new Server({ serveClient: false, pingInterval: 20000 });

const engineOptions = {
  path: '/realtime',
  cors: { origin: true, credentials: true },
};

export function start(port) {
  const httpServer = createServer();
  io.attach(httpServer, engineOptions);
  httpServer.listen(port);
  return httpServer;
}
