/**
 * Loads the demo site by hand (the workbench does it on every start): provisions the lists and
 * imports the demo files, idempotently (src/import/demo.ts).
 *
 * `npx tsx src/cli/seed-demo.ts --site <url> [--user <alias>]`
 */
import { parseArgs } from 'node:util';
import { DataError } from '../data';
import { nodeSp } from '../data/node';
import { seedDemo } from '../import/demo';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, user: { type: 'string' } } });
  if (!values.site) throw new Error('Usage: tsx src/cli/seed-demo.ts --site <url> [--user <alias>]');
  await seedDemo(nodeSp(values.site, { user: values.user ?? 'admin' }), { log: (l) => process.stdout.write(`${l}\n`) });
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Seeding the demo failed: ${e instanceof DataError || e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
  );
}
