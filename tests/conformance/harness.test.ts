/**
 * The conformance harness itself, against a throwaway upstream: prism's verdicts reach the
 * recorder as violations, and the audit fails on unexplained violations and stale exceptions.
 * Without this, a harness that saw nothing would make the conformance test pass vacuously.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, type SpecException } from './audit';
import { startPrism, type PrismProxy } from './prism';
import { startRecorder, type Recorder } from './recorder';
import { locateSpec } from './spec-location';

const spec = locateSpec();
if (!spec.found) console.warn(spec.reason);

const hal = { 'content-type': 'application/hal+json; charset=utf-8' };

describe.skipIf(!spec.found)('the conformance harness (prism proxy --errors + recorder)', () => {
  let upstream: http.Server;
  let upstreamHits = 0;
  let configuration: unknown = { perPageOptions: [20, 100] };
  let prism: PrismProxy;
  let recorder: Recorder;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      upstreamHits += 1;
      if (req.url === '/sub/api/v3/configuration') {
        res.writeHead(200, hal).end(JSON.stringify(configuration));
      } else {
        res.writeHead(401, hal).end(
          JSON.stringify({
            _type: 'Error',
            errorIdentifier: 'urn:openproject-org:api:v3:errors:Unauthenticated',
            message: 'You did not provide the correct credentials.',
          }),
        );
      }
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as { port: number };
    if (!spec.found) return;
    prism = await startPrism({ spec: spec.path, upstream: `http://127.0.0.1:${port}/sub` });
    recorder = await startRecorder(prism.url);
  });

  afterAll(async () => {
    await recorder?.stop();
    await prism?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  const basic = { authorization: `Basic ${Buffer.from('apikey:abc').toString('base64')}` };

  it('passes a conforming answer through unchanged, upstream sub-path kept, nothing reported', async () => {
    recorder.label = 'conforming';
    const response = await fetch(`${recorder.url}/api/v3/configuration`, { headers: basic });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ perPageOptions: [20, 100] });
    expect(recorder.violations.filter((v) => v.label === 'conforming')).toEqual([]);
  });

  it('reports a response that breaks its schema, and --errors turns it into a 500', async () => {
    recorder.label = 'bad-body';
    configuration = { perPageOptions: ['twenty'] };
    const response = await fetch(`${recorder.url}/api/v3/configuration`, { headers: basic });
    configuration = { perPageOptions: [20, 100] };
    expect(response.status).toBe(500);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(recorder.violations.filter((v) => v.label === 'bad-body')).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v3/configuration',
        side: 'response',
        code: 'type',
        location: 'response.body.perPageOptions.*',
        message: 'Response body property perPageOptions.* must be integer',
      }),
    ]);
  });

  it('reports a request prism refuses (Bearer is not in the spec) without forwarding it', async () => {
    recorder.label = 'bearer';
    const before = upstreamHits;
    const response = await fetch(`${recorder.url}/api/v3/configuration`, {
      headers: { authorization: 'Bearer opapi-0123' },
    });
    expect(response.status).toBe(401);
    expect(upstreamHits).toBe(before);
    expect(recorder.violations.filter((v) => v.label === 'bearer')).toEqual([
      expect.objectContaining({ side: 'request', code: 'UNAUTHORIZED', location: 'request' }),
    ]);
  });

  it('reports a status code the operation does not list as a warning, answer passed through', async () => {
    recorder.label = 'status';
    const response = await fetch(`${recorder.url}/api/v3/users/me`, { headers: basic });
    expect(response.status).toBe(401);
    expect(recorder.violations.filter((v) => v.label === 'status')).toEqual([
      expect.objectContaining({
        status: 401,
        side: 'response',
        severity: 'Warning',
        code: 'status',
        location: 'response',
      }),
    ]);
  });

  it('fails the audit on an unexplained violation and on a stale exception', () => {
    const listed: SpecException = {
      id: 'bearer',
      endpoints: ['GET /api/v3/configuration'],
      side: 'request',
      code: 'UNAUTHORIZED',
      location: 'request',
      reason: 'test',
      source: 'test',
    };
    const stale: SpecException = { ...listed, id: 'stale', endpoints: ['GET /api/v3/users/{id}'] };
    const result = audit(recorder.violations, [listed, stale]);
    expect(result.explainedBy).toEqual({ bearer: 1, stale: 0 });
    expect(result.stale).toEqual([{ id: 'stale', endpoint: 'GET /api/v3/users/{id}' }]);
    expect(result.unexplained.map((v) => v.label).sort()).toEqual(['bad-body', 'status']);
  });
});

if (!spec.found) {
  describe('the conformance harness', () => {
    it.skip(spec.reason, () => {});
  });
}
