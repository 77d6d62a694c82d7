/**
 * TLS problems of self-hosted instances, with real certificates made by openssl in a temp dir:
 * self-signed (and trusting its CA file), wrong host name, expired, https to a plain-http port.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../main/core/api/client';
import { sendJson, startTinyServer, type TinyServer } from './support/tiny-server';
import { apiFailure } from './support/api-failure';

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasOpenssl = opensslAvailable();
if (!hasOpenssl)
  console.warn('Skipping TLS tests: openssl is not on PATH to make test certificates.');

interface Pem {
  key: string;
  cert: string;
}

let dir = '';
function selfSigned(name: string, san: string): Pem {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      join(dir, `${name}.crt`),
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.crt`), 'utf8'),
  };
}

/** A self-signed certificate valid for one day in 2020. */
function expired(): Pem {
  const ca = join(dir, 'ca');
  mkdirSync(ca);
  writeFileSync(join(ca, 'index.txt'), '');
  writeFileSync(join(ca, 'serial'), '01\n');
  writeFileSync(
    join(ca, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = my',
      '[my]',
      `database = ${join(ca, 'index.txt')}`,
      `serial = ${join(ca, 'serial')}`,
      `new_certs_dir = ${ca}`,
      'default_md = sha256',
      'policy = any',
      'copy_extensions = copy',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const key = join(ca, 'old.key');
  const csr = join(ca, 'old.csr');
  const cert = join(ca, 'old.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-out',
      csr,
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    [
      'ca',
      '-batch',
      '-config',
      join(ca, 'ca.cnf'),
      '-selfsign',
      '-keyfile',
      key,
      '-in',
      csr,
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200102000000Z',
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

describe.skipIf(!hasOpenssl)('TLS', () => {
  const servers: TinyServer[] = [];
  let local: Pem;
  let otherHost: Pem;
  let old: Pem;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'op-tray-tls-'));
    local = selfSigned('local', 'IP:127.0.0.1');
    otherHost = selfSigned('other.example', 'DNS:other.example');
    old = expired();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function https(pem: Pem): Promise<string> {
    const server = await startTinyServer((req, res) => sendJson(req, res, 200, { total: 4 }), pem);
    servers.push(server);
    return server.url;
  }

  it('a self-signed certificate is not trusted; the message offers trusting a CA file', async () => {
    const url = await https(local);
    const error = await apiFailure(createClient({ baseUrl: url, retries: 0 }).unreadCount());
    expect(error).toMatchObject({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toContain('not trusted');
    expect(error.message).toContain('CA file (PEM)');
  });

  it('works once that CA file is trusted', async () => {
    const url = await https(local);
    await expect(createClient({ baseUrl: url, ca: local.cert }).unreadCount()).resolves.toBe(4);
  });

  it('a certificate for another host name', async () => {
    const url = await https(otherHost);
    const error = await apiFailure(
      createClient({ baseUrl: url, retries: 0, ca: otherHost.cert }).unreadCount(),
    );
    expect(error).toMatchObject({ kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(error.message).toContain('different host name');
  });

  it('an expired certificate', async () => {
    const url = await https(old);
    const error = await apiFailure(
      createClient({ baseUrl: url, retries: 0, ca: old.cert }).unreadCount(),
    );
    expect(error).toMatchObject({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
    expect(error.message).toContain('expired');
  });

  it('https:// to a plain-http server', async () => {
    const server = await startTinyServer((req, res) => sendJson(req, res, 200, { total: 4 }));
    servers.push(server);
    const url = server.url.replace('http://', 'https://');
    const error = await apiFailure(createClient({ baseUrl: url, retries: 0 }).unreadCount());
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('http:// or https://');
  });
});
