import { createServer, type AddressInfo } from 'node:net';

/** A port free right now (Vite's config insists on a fixed one; `npm start` takes them from variables). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
