/**
 * Electronegativity over the app's Electron code, with no network and a list of known false positives.
 *
 *   npx tsx tests/shell/electronegativity/run.ts            # source: main/, preload/, renderer/
 *   npx tsx tests/shell/electronegativity/run.ts --build    # also the electron-vite build in out/
 *                                                           (--build <dir> for another build folder)
 *
 * Fails (exit 1) on any HIGH or MEDIUM finding that exceptions.json does not list with a reason.
 * Electronegativity fetches translations and Electron's release list from the internet: both
 * requests are answered offline here (its `got` is replaced), and the release check is skipped.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}
interface RunResult {
  issues: Finding[];
  errors: { file: string; message: string; tolerable: boolean }[];
  globalChecks: number;
  atomicChecks: number;
}
interface Exception {
  check: string;
  file: string;
  reason: string;
}

const ROOT = resolve(import.meta.dirname, '../../..');
const EXCEPTIONS_FILE = join(import.meta.dirname, 'exceptions.json');
const FAILING = new Set(['HIGH', 'MEDIUM']);

function offlineElectronegativity(): (options: object, forCli: boolean) => Promise<RunResult> {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
  const gotPath = createRequire(runnerPath).resolve('got');
  const offline = (): Promise<never> =>
    Promise.reject(new Error('offline: electronegativity runs without network here'));
  const stub = Object.assign(offline, { head: offline, get: offline });
  const fake = new Module(gotPath);
  fake.filename = gotPath;
  fake.loaded = true;
  fake.exports = stub;
  require.cache[gotPath] = fake;
  const quietLog = console.log;
  console.log = () => {}; // its "could not retrieve translations" line, and nothing else, goes here
  try {
    return require(runnerPath) as (options: object, forCli: boolean) => Promise<RunResult>;
  } finally {
    console.log = quietLog;
  }
}

/** The scanned tree: copies of the given folders plus package.json, so paths read main/…, out/…. */
function stage(folders: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  for (const folder of folders) {
    cpSync(join(ROOT, folder), join(dir, folder), {
      recursive: true,
      filter: (src) => !src.split(sep).includes('node_modules'),
    });
  }
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

async function scan(
  run: (options: object, forCli: boolean) => Promise<RunResult>,
  folders: string[],
): Promise<{ findings: Finding[]; errors: RunResult['errors'] }> {
  const dir = stage(folders);
  try {
    const electronVersion = (
      JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
    const log = console.log;
    console.log = () => {};
    let result: RunResult;
    try {
      result = await run(
        {
          input: dir,
          excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
          isRelative: false,
          isVerbose: false,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = log;
    }
    const findings = result.issues.map((i) => ({
      ...i,
      file: i.file === 'N/A' ? 'N/A' : relative(dir, i.file).split(sep).join('/'),
    }));
    return { findings, errors: result.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function isExcepted(finding: Finding, exceptions: Exception[]): Exception | undefined {
  return exceptions.find(
    (e) => e.check === finding.id && (e.file === finding.file || e.file === '*'),
  );
}

async function main(): Promise<void> {
  const buildFlag = process.argv.indexOf('--build');
  const withBuild = buildFlag !== -1;
  const buildDir = withBuild && process.argv[buildFlag + 1] ? process.argv[buildFlag + 1]! : 'out';
  const exceptions = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')) as Exception[];
  const missingReason = exceptions.filter((e) => !e.reason || e.reason.trim().length < 20);
  if (missingReason.length > 0) {
    console.error('electronegativity: every exception needs a reason:', missingReason);
    process.exit(1);
  }
  const run = offlineElectronegativity();
  const targets: [string, string[]][] = [['source', ['main', 'preload', 'renderer']]];
  if (withBuild) {
    if (!existsSync(join(ROOT, buildDir, 'main/index.js'))) {
      console.error(`electronegativity: ${buildDir}/ has no build; run \`npm run build\` first.`);
      process.exit(1);
    }
    targets.push(['build', [buildDir]]);
  }

  let failures = 0;
  const used = new Set<Exception>();
  for (const [name, folders] of targets) {
    const { findings, errors } = await scan(run, folders);
    const hard = errors.filter((e) => !e.tolerable);
    for (const error of hard) console.error(`  could not parse ${error.file}: ${error.message}`);
    failures += hard.length;
    const counts: Record<string, number> = {};
    for (const f of findings) counts[f.severity.name] = (counts[f.severity.name] ?? 0) + 1;
    console.log(
      `electronegativity (${name}: ${folders.join(', ')}): ${findings.length} findings ` +
        `${JSON.stringify(counts)}`,
    );
    for (const finding of findings) {
      const where = `${finding.file}:${finding.location.line}:${finding.location.column}`;
      const severity = `${finding.severity.name}/${finding.confidence.name}`;
      const exception = isExcepted(finding, exceptions);
      if (exception) used.add(exception);
      if (!FAILING.has(finding.severity.name)) {
        console.log(`  info  ${finding.id} ${severity} ${where}`);
      } else if (exception) {
        console.log(`  known ${finding.id} ${severity} ${where} — ${exception.reason}`);
      } else {
        failures++;
        console.error(`  FAIL  ${finding.id} ${severity} ${where}: ${finding.description}`);
      }
    }
  }
  const scannedFolders = targets.flatMap(([, folders]) => folders);
  const scanned = (file: string): boolean =>
    file === '*' || scannedFolders.some((folder) => file.startsWith(`${folder}/`));
  for (const stale of exceptions.filter((e) => !used.has(e) && scanned(e.file))) {
    console.log(`  note: exception no longer needed: ${stale.check} in ${stale.file}`);
  }
  if (failures > 0) {
    console.error(
      `electronegativity: ${failures} unlisted HIGH/MEDIUM finding(s) or parse error(s).`,
    );
    process.exit(1);
  }
  console.log('electronegativity: no unlisted HIGH or MEDIUM findings.');
}

await main();
