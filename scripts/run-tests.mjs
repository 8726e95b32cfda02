// `npm test`: lint, typecheck, unit and data tests, build, then the real-browser tests.
// Ends with one plain line "N passed, N failed" counted from Vitest's JSON reports, and exits
// non-zero when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = { unit: '.tmp/unit-report.json', e2e: '.tmp/e2e-report.json' };
mkdirSync('.tmp', { recursive: true });
for (const r of Object.values(reports)) rmSync(r, { force: true });

const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.unit}`]],
  ['build (firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['build', 'npx', ['wxt', 'build']],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${reports.e2e}`]],
];

const failedSteps = [];
for (const [name, cmd, args] of steps) {
  if (name === 'e2e' && failedSteps.includes('build')) {
    failedSteps.push('e2e (not run: build failed)');
    continue;
  }
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) failedSteps.push(name);
}

let passed = 0;
let failed = 0;
for (const [name, file] of Object.entries(reports)) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numPendingTests ?? 0) > 0) console.log(`${name}: ${report.numPendingTests} skipped tests`);
}
// Lint, typecheck and build failures count as failed checks too, so the line never hides them.
failed += failedSteps.filter((s) => !['unit', 'e2e'].includes(s)).length;
console.log(failedSteps.length ? `\nfailed steps: ${failedSteps.join(', ')}` : '\nall steps passed');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
