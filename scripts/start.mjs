// `npm start`: builds the app and serves it on localhost, printing the URL.
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 5173);

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, host: 'localhost', strictPort: false, open: false }, logLevel: 'warn' });
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`\nOptimizer Playground is running at ${url}\n(press Ctrl+C to stop)`);
