import { createServer, type IncomingMessage } from 'node:http';

export interface SinkRequest {
  method: string;
  path: string;
  body: string;
}

/** An HTTP server on loopback that records what is posted to it: the stand-in for an ERP. */
export async function startSink(): Promise<{ url: string; requests: SinkRequest[]; close: () => Promise<void> }> {
  const requests: SinkRequest[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((ok) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => ok(body));
    });
  const server = createServer(async (req, res) => {
    const body = await read(req);
    requests.push({ method: req.method ?? '', path: req.url ?? '', body });
    if (req.url === '/requests') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(requests.filter((r) => r.path !== '/requests')));
      return;
    }
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: `erp-${requests.length}`, received: body ? JSON.parse(body) : null }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(() => ok())) };
}
