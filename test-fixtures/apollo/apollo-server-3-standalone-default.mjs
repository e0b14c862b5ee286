// An internal inventory API on Apollo Server 3's batteries-included server.
// Without a `cors` option apollo-server answers every origin with '*', so any
// website an employee visits can query it from their browser.
import { ApolloServer, gql } from 'apollo-server';

const typeDefs = gql`
  type Item {
    sku: String!
    stock: Int!
  }
  type Query {
    items: [Item!]!
  }
`;

const server = new ApolloServer({
  typeDefs,
  resolvers: { Query: { items: () => [{ sku: 'A-100', stock: 12 }] } },
});

const { url } = await server.listen({ port: 4000, host: '0.0.0.0' });
console.log(`inventory API at ${url}`);
