/**
 * `jixiao sample --seed S (--count N | --percent P) IDS…`: draws a 抽评 sample again from what a draw
 * recorded (its seed and its population of accepted assignments), with no database — so anyone
 * holding the record can check that the bureau's sample is the one the seed gives
 * (docs/self-evaluation-tasks.md §4). Prints the drawn ids, one a line, in the order drawn.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { messages } from '../../i18n/index.ts';

const m = () => messages().evaluationTasks.command;

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError(m().badSize(value));
  return n;
}

export function registerSample(program: Command): void {
  program
    .command('sample')
    .description(m().description)
    .argument('<ids...>', m().populationArgument)
    .requiredOption('--seed <seed>', m().seedOption)
    .option('--count <n>', m().countOption, positive)
    .option('--percent <p>', m().percentOption, positive)
    .action(async (ids: string[], o: { seed: string; count?: number; percent?: number }) => {
      const { drawSample, sampleCount, SampleSizeError } = await import('../../core/evaluation-tasks/sample.ts');
      const say = (s: string) => process.stderr.write(`${s}\n`);
      if ((o.count === undefined) === (o.percent === undefined)) {
        say(m().oneSize);
        process.exitCode = 2;
        return;
      }
      const population: number[] = [];
      for (const id of ids.flatMap((s) => s.split(',')).filter((s) => s !== '')) {
        if (!/^[1-9]\d*$/.test(id)) {
          say(m().badId(id));
          process.exitCode = 2;
          return;
        }
        population.push(Number(id));
      }
      try {
        const size = o.count !== undefined ? { count: o.count } : { percent: o.percent! };
        const drawn = drawSample(population, o.seed, sampleCount(new Set(population).size, size));
        process.stdout.write(drawn.map((id) => `${id}\n`).join(''));
      } catch (e) {
        if (!(e instanceof SampleSizeError)) throw e;
        say(messages().evaluationTasks.errors.sampleSize(e.message));
        process.exitCode = 2;
      }
    });
}
