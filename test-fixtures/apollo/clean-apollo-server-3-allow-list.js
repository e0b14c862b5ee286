// Apollo Server 3 on an existing Express app, with the session cookie: the
// front end's origin is listed, so the cors package echoes it with credentials.
const express = require('express');
const session = require('express-session');
const { ApolloServer, gql } = require('apollo-server-express');

const typeDefs = gql`
  type Query {
    me: String
  }
`;
const resolvers = { Query: { me: (_parent, _args, { req }) => req.session.user ?? null } };

async function main() {
  const app = express();
  app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

  const server = new ApolloServer({ typeDefs, resolvers, context: ({ req }) => ({ req }) });
  await server.start();
  server.applyMiddleware({ app, path: '/graphql', cors: { origin: ['https://app.example.com'], credentials: true } });

  app.listen(4000);
}

main();
