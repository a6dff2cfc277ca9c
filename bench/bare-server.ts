import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The baseline: a bare node:http server answering every POST with the same JSON
 * the GraphQL endpoint returned, so the difference is what the framework, GraphQL
 * execution and the database cost per request.
 */
export async function startBareServer(
  json: Buffer,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    // Read the request body before answering, as any real server has to.
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': json.length,
      });
      res.end(json);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
