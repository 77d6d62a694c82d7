/**
 * What goes wrong, and how the CLI says it: one sentence on stderr, nothing on stdout, exit 2 for
 * usage errors and 1 for failures; the API key never shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator';
import { cli, closedPort, onlyJson } from './support';

let sim: Simulator;
let env: Record<string, string>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  env = { OPENPROJECT_URL: sim.url, OPENPROJECT_API_KEY: sim.tokens.apiKey };
});

afterAll(async () => {
  await sim.stop();
});

/** One line on stderr, starting with "Error:", and nothing on stdout. */
function expectOneSentence(result: { stdout: string; stderr: string }): string {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^Error: [^\n]+\n$/);
  return result.stderr.slice('Error: '.length).trimEnd();
}

describe('configuration', () => {
  it('without a URL: says how to give one (exit 2)', async () => {
    for (const argv of [['notifications'], ['notifications', '--json'], ['probe']]) {
      const result = await cli(argv, { env: { OPENPROJECT_API_KEY: sim.tokens.apiKey } });
      expect(result.code).toBe(2);
      expect(expectOneSentence(result)).toBe(
        'No OpenProject URL: set OPENPROJECT_URL or pass --url.',
      );
    }
  });

  it('without an API key: says how to give one and where to create it (exit 2)', async () => {
    const result = await cli(['whoami', '--json'], { env: { OPENPROJECT_URL: sim.url } });
    expect(result.code).toBe(2);
    const message = expectOneSentence(result);
    expect(message).toMatch(/^No API key: set OPENPROJECT_API_KEY or pass --api-key/);
    expect(message).toContain(sim.url);
  });

  it('rejects a URL that is not http(s) (exit 2)', async () => {
    const result = await cli(['notifications'], {
      env: { ...env, OPENPROJECT_URL: 'ftp://op.example' },
    });
    expect(result.code).toBe(2);
    expect(expectOneSentence(result)).toContain('ftp://op.example');
  });

  it('--url and --api-key win over the environment', async () => {
    const port = await closedPort();
    const badEnv = { OPENPROJECT_URL: `http://127.0.0.1:${port}`, OPENPROJECT_API_KEY: 'nope' };
    const result = await cli(
      ['whoami', '--json', '--url', sim.url, `--api-key=${sim.tokens.apiKey}`],
      { env: badEnv },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((onlyJson(result.stdout) as { id: number }).id).toBeGreaterThan(0);

    const wrongFlag = await cli(['whoami', '--api-key', 'wrong-token'], {
      env,
    });
    expect(wrongFlag.code).toBe(1);
  });

  it('--api-key for another user shows that user', async () => {
    const mine = onlyJson((await cli(['whoami', '--json'], { env })).stdout) as { id: number };
    const other = await cli(['whoami', '--json', '--api-key', sim.tokens.other], { env });
    expect(other.code).toBe(0);
    expect((onlyJson(other.stdout) as { id: number }).id).not.toBe(mine.id);
  });
});

describe('failures at run time (exit 1)', () => {
  it('a wrong token: a clear sentence, and the token is never printed', async () => {
    const token = 'f'.repeat(40);
    for (const argv of [['notifications'], ['notifications', '--json'], ['whoami', '--json']]) {
      const result = await cli(argv, { env: { ...env, OPENPROJECT_API_KEY: token } });
      expect(result.code).toBe(1);
      const message = expectOneSentence(result);
      expect(message.length).toBeGreaterThan(20);
      expect(message).not.toContain(token);
      expect(message).not.toMatch(/^Unexpected error/);
    }
    const viaFlag = await cli(['notifications', '--api-key', token], { env });
    expect(viaFlag.code).toBe(1);
    expect(viaFlag.stderr).not.toContain(token);
  });

  it('an unreachable URL (a closed port): says it could not be reached', async () => {
    const port = await closedPort();
    const result = await cli(['notifications', '--json'], {
      env: { ...env, OPENPROJECT_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(1);
    const message = expectOneSentence(result);
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/reach/i);
  });
});

describe('usage errors (exit 2)', () => {
  const cases: [string[], RegExp][] = [
    [
      ['notifcations'],
      /^Unknown command 'notifcations'\. Did you mean 'notifications'\? Run 'openproject-tray help'/,
    ],
    [
      ['frobnicate'],
      /^Unknown command 'frobnicate'\. Run 'openproject-tray help' to see the commands\.$/,
    ],
    [['notifications', '--jsn'], /^Unknown option --jsn\. Did you mean --json\?/],
    [['notifications', '--bogus'], /^Unknown option --bogus\. Run 'openproject-tray help'/],
    [['search', 'x', '--all'], /^The option --all does not apply to 'search'/],
    [['notifications', '--url'], /^The option --url needs a value, as in --url <url>\.$/],
    [['notifications', '--json=yes'], /^The option --json takes no value\.$/],
    [['notifications', 'extra'], /^'notifications' takes no arguments, but got 'extra'/],
    [['search'], /^Give something to search for/],
    [
      ['read'],
      /^Say what to mark as read: 'openproject-tray read <workPackageId>' or 'openproject-tray read --all'\.$/,
    ],
    [['read', 'abc'], /^'abc' is not a work package id/],
    [['read', '12', '--all'], /^Give either a work package id or --all, not both/],
    [['read', '1', '2'], /^Give one work package id at a time/],
    [[], /^No command given: try 'openproject-tray notifications'/],
    [['help', 'nope'], /^Unknown command 'nope'/],
  ];
  it.each(cases)('%j', async (argv, expected) => {
    const result = await cli(argv, { env });
    expect(result.code).toBe(2);
    expect(expectOneSentence(result)).toMatch(expected);
  });

  it('does not reach the server for a usage error', async () => {
    const port = await closedPort();
    const result = await cli(['read', 'abc'], {
      env: { ...env, OPENPROJECT_URL: `http://127.0.0.1:${port}` },
    });
    expect(result.code).toBe(2);
  });
});

describe('--json keeps stdout pure', () => {
  it('on success stdout is exactly one JSON document; on failure it is empty', async () => {
    for (const argv of [['probe'], ['whoami'], ['notifications'], ['search', 'a'], ['--version']]) {
      const ok = await cli([...argv, '--json'], { env });
      expect(ok.code, argv.join(' ')).toBe(0);
      expect(ok.stderr).toBe('');
      expect(() => onlyJson(ok.stdout)).not.toThrow();
      expect(ok.stdout.trimEnd().split('\n').at(-1)).toMatch(/^[}\]]$/);
    }
    const failed = await cli(['notifications', '--json'], {
      env: { ...env, OPENPROJECT_API_KEY: 'wrong' },
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
  });
});

describe('help and version', () => {
  it('help, --help and -h list every command, the JSON shapes and the exit codes', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    for (const name of ['probe', 'whoami', 'notifications', 'search <text>', 'read --all']) {
      expect(help.stdout).toContain(name);
    }
    expect(help.stdout).toContain('OPENPROJECT_URL');
    expect(help.stdout).toContain('OPENPROJECT_API_KEY');
    expect(help.stdout).toContain('"workPackages"');
    expect(help.stdout).toContain('"marked"');
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*\b2\s+Usage error/);
    expect((await cli(['--help'])).stdout).toBe(help.stdout);
    expect((await cli(['-h'])).stdout).toBe(help.stdout);
  });

  it('<command> --help and help <command> show that command', async () => {
    const a = await cli(['read', '--help']);
    const b = await cli(['help', 'read']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('openproject-tray read <workPackageId>');
    expect(a.stdout).toContain('--all');
  });

  it('--version prints the version from package.json', async () => {
    const { version } = (await import('../../package.json')).default as { version: string };
    const result = await cli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`openproject-tray ${version}\n`);
  });
});
