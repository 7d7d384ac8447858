/** `jixiao evaluate TARGETS... --actuals A`: the year-end self-evaluation (../actions/evaluate.ts does the work). */
import type { Command } from 'commander';
import { messages } from '../../i18n/index.ts';
import type { EvaluateOptions } from '../actions/evaluate.ts';
import { yearCommand } from './monitor.ts';

export function registerEvaluate(program: Command): void {
  const m = messages().evaluation.cli;
  yearCommand(program, 'evaluate', { description: m.description, at: m.atOption, atRequired: false, to: m.toOption }).action(
    async (paths: string[], options: EvaluateOptions) => {
      process.exitCode = await (await import('../actions/evaluate.ts')).runEvaluate(paths, options);
    },
  );
}
