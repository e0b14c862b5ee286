// Apollo Server with expressMiddleware: CORS is the app's own cors() call.
import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';

const typeDefs = `#graphql
  type Query { hello: String }
`;
const resolvers = { Query: { hello: () => 'world' } };

const server = new ApolloServer({ typeDefs, resolvers });
await server.start();

const app = express();
app.use('/graphql', cors({ origin: ['https://studio.example.com'], credentials: true }), express.json(), expressMiddleware(server));
app.listen(4000);
