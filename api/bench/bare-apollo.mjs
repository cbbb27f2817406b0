// A bare Apollo Server 5 answering { __typename }: the floor the product's framework is measured against.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 3201), host: '127.0.0.1' } });
process.stdout.write(`ready ${url}\n`);
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
