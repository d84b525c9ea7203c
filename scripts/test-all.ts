// npm test: every check and test runner in turn, each run even if an earlier one failed;
// the last line sums them as `N passed, N failed` (a static check counts as one test).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, '.tmp', 'reports');
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Tally {
  name: string;
  passed: number;
  failed: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n▶ ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  return result.status ?? 1;
}

function check(name: string, command: string, args: string[]): Tally {
  const ok = run(command, args) === 0;
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function vitest(): Tally {
  const output = path.join(reports, 'vitest.json');
  fs.rmSync(output, { force: true });
  const status = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(output);
  if (!report) return { name: 'vitest', passed: 0, failed: 1 };
  return {
    name: 'vitest (unit, integration)',
    passed: report.numPassedTests,
    failed: report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0),
  };
}

function playwright(): Tally {
  const output = path.join(reports, 'playwright.json');
  fs.rmSync(output, { force: true });
  const status = run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  if (!report) return { name: 'playwright', passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = report.stats;
  return {
    name: 'playwright (browser)',
    passed: expected + flaky,
    failed: unexpected + (status !== 0 && unexpected === 0 ? 1 : 0),
  };
}

const tallies: Tally[] = [];
if (run(process.execPath, ['scripts/prisma-generate.mjs']) !== 0) {
  tallies.push({ name: 'prisma generate', passed: 0, failed: 1 });
} else {
  tallies.push(check('typecheck', bin('tsc'), ['--noEmit']));
  tallies.push(check('lint', bin('eslint'), ['.', '--max-warnings=0']));
  tallies.push(check('format', bin('prettier'), ['--check', '.']));
  tallies.push(vitest());
  tallies.push(playwright());
}

console.log('\nSummary');
for (const tally of tallies) console.log(`  ${tally.name}: ${tally.passed} passed, ${tally.failed} failed`);
const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
