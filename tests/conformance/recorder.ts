/**
 * A recording front for prism: client → recorder → prism → simulator. It forwards every
 * request unchanged, reads prism's verdict from each answer (`violationsOf`), keeps it, and
 * hands the answer back without the (possibly huge) `sl-violations` header.
 */
import http from 'node:http';
import { credentialsOf, violationsOf, type Exchange, type Violation } from './violations';

export interface Recorder {
  /** Where the client talks to: http://127.0.0.1:PORT */
  readonly url: string;
  /** The step name stamped on what is recorded from now on. */
  label: string;
  readonly exchanges: Exchange[];
  readonly violations: Violation[];
  stop(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'sl-violations',
]);

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(
  target: URL,
  req: http.IncomingMessage,
  body: Buffer,
): Promise<{ response: http.IncomingMessage; body: Buffer }> {
  const headers = { ...req.headers, host: target.host };
  delete headers.connection;
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        // prism lists every violation in one header; a big collection makes it large
        maxHeaderSize: 16 * 1024 * 1024,
      },
      (response) => {
        readBody(response).then((buffer) => resolve({ response, body: buffer }), reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export async function startRecorder(prismUrl: string): Promise<Recorder> {
  const target = new URL(prismUrl);
  const exchanges: Exchange[] = [];
  const violations: Violation[] = [];
  const recorder = { label: 'unlabelled' };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://recorder');
      const exchange: Exchange = {
        label: recorder.label,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.search,
        credentials: credentialsOf(req.headers.authorization),
        status: 0,
      };
      try {
        const answer = await forward(target, req, await readBody(req));
        exchange.status = answer.response.statusCode ?? 0;
        const header = answer.response.headers['sl-violations'];
        violations.push(
          ...violationsOf(
            exchange,
            Array.isArray(header) ? header.join(',') : header,
            answer.response.headers['content-type'],
            answer.body.toString('utf8'),
          ),
        );
        const headers = Object.fromEntries(
          Object.entries(answer.response.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
        );
        res.writeHead(exchange.status, { ...headers, 'content-length': answer.body.length });
        res.end(answer.body);
      } catch (error) {
        exchange.status = 502;
        const message = `the recorder could not reach prism: ${String(error)}`;
        violations.push({
          ...exchange,
          side: 'request',
          severity: 'Error',
          code: 'PRISM_UNREACHABLE',
          location: 'request',
          message,
        });
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(message);
      } finally {
        exchanges.push(exchange);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('recorder has no port');

  return Object.assign(recorder, {
    url: `http://127.0.0.1:${address.port}`,
    exchanges,
    violations,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
