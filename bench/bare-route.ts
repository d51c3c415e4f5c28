// The ceiling the dossiers benchmark compares public tracking with: a bare Fastify route in a process of its own
// (like the app's HTTP processes). Prints its port once listening; stops on SIGTERM.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
