// The preview build's address for the Studio browser tests. The Studio build carries it
// (SANITY_STUDIO_PREVIEW_URL), so it is chosen minutes before presentation.test.ts serves the
// preview, and a port merely found free then may be taken by another server by that time. So
// the 'studio-browser' global setup listens on it for the whole run and forwards each request
// to the server whose port the test file wrote to `previewTargetFile` (502 until it has).
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Where the test serving the preview writes its server's port (beside the Studio build). */
export function previewTargetFile(studioBuildDir: string): string {
  return path.join(path.dirname(studioBuildDir), 'preview-target-port');
}

export interface PreviewAddress {
  /** `http://127.0.0.1:PORT`, the address the Studio build opens the preview at. */
  url: string;
  close(): Promise<void>;
}

/** Listens on a free port for the run and forwards to the port in `targetFile`. */
export async function holdPreviewAddress(targetFile: string): Promise<PreviewAddress> {
  const server: Server = createServer((req, res) => {
    void readFile(targetFile, 'utf8').then(
      (port) => {
        const upstream = request(
          {
            host: '127.0.0.1',
            port: Number(port.trim()),
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        req.pipe(upstream);
      },
      () => res.writeHead(502).end('No preview is served yet.'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
