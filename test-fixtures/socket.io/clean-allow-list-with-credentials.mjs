// A chat server; the web client connects with `withCredentials: true`.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, {
  cors: { origin: ['https://chat.example.com'], credentials: true },
});

io.on('connection', (socket) => {
  socket.on('message', (text) => io.emit('message', text));
});

httpServer.listen(3000);
