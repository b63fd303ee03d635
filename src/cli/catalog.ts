/** npm run catalog [-- --json]: every paper record (the data the app uses), checked. */
import { papers } from '../../seeds';
import { checkCatalog, familyOf, year } from '../../seeds/catalog';
import { experiments } from '../../experiments/registry';
import { parseArgs, runMain, UsageError } from './args';
import { table } from './common';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { json: 'switch' });
  if (args.positional.length)
    throw new UsageError(`expected only --json, got "${args.positional.join(' ')}"`);
  const problems = checkCatalog([...papers], experiments);
  for (const p of problems) process.stderr.write(`invalid record ${p.id}: ${p.message}\n`);
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(papers, null, 2) + '\n');
  else {
    const runnable = papers.filter((p) => p.demo.kind === 'runnable').length;
    process.stdout.write(
      table([
        ['id', 'year', 'topics', 'family', 'demo'],
        ...papers.map((p) => [
          p.id,
          String(year(p) ?? ''),
          p.topics.join(','),
          familyOf(p, experiments) ?? '',
          p.demo.kind === 'runnable' ? `${p.demo.experiment}/${p.demo.preset}` : p.demo.kind,
        ]),
      ]),
    );
    process.stdout.write(`\n${papers.length} papers, ${runnable} with a runnable demo\n`);
  }
  return problems.length ? 1 : 0;
}

runMain(main);
