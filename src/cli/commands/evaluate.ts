/** `jixiao evaluate TARGETS... --actuals A`: the year-end self-evaluation (../actions/evaluate.ts does the work). */
import { InvalidArgumentError, type Command } from 'commander';
import { SELF_EVALUATION_PROFILES } from '../../core/forms/profiles.ts';
import { messages } from '../../i18n/index.ts';
import type { EvaluateOptions } from '../actions/evaluate.ts';
import { yearCommand } from './monitor.ts';

export function registerEvaluate(program: Command): void {
  const m = messages().evaluation.cli;
  yearCommand(program, 'evaluate', { description: m.description, at: m.atOption, atRequired: false, to: m.toOption })
    .option('--profile <id>', m.profileOption(PROFILE_IDS()), profileArgument)
    .action(async (paths: string[], options: EvaluateOptions) => {
      process.exitCode = await (await import('../actions/evaluate.ts')).runEvaluate(paths, options);
    });
}

const PROFILE_IDS = () => SELF_EVALUATION_PROFILES.map((p) => p.id).join(', ');

function profileArgument(value: string): string {
  if (!SELF_EVALUATION_PROFILES.some((p) => p.id === value))
    throw new InvalidArgumentError(messages().evaluation.cli.badProfile(value, PROFILE_IDS()));
  return value;
}
