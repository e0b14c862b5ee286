// Standalone socket.io server on its own port (CommonJS).
const io = require('socket.io')(3001, {
  cors: { origin: 'https://game.example.com/', methods: ['GET', 'POST'] },
});

io.on('connection', (socket) => {
  socket.join('lobby');
});
