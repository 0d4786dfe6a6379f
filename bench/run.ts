/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process so that one
 * benchmark's warm caches do not flatter the next. Each prints its own figures and ratios.
 */
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { join } from 'path';

const only = process.argv.slice(2);
const dir = __dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`${file} failed with exit code ${String(result.status)}\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
