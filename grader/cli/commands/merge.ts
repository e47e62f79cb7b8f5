import { Command } from 'commander';

/** `merge DIR… --out DIR`: the class reports of one run, from the folders of `grade --shard K/N` runs. */
export function mergeCommand(): Command {
  return new Command('merge')
    .description('build the class reports from the folders of `grade --shard K/N` runs (all N shards)')
    .argument('<shards...>', 'the --out folders of the shard runs')
    .requiredOption('-o, --out <dir>', 'folder for the merged reports')
    .action(async (shards: string[], options: { out: string }) => {
      const { mergeShards } = await import('../../merge');
      const { exitStatus, failuresText } = await import('../outcome');
      const summary = mergeShards(shards, options.out);
      process.stdout.write(
        `merged ${summary.shards} shard(s), ${summary.students} student(s): mean ${summary.meanScore}/${summary.maxScore}, ${failuresText(summary.failed)} → ${summary.outDir}/index.html\n`,
      );
      process.exitCode = exitStatus(summary.failed);
    });
}
