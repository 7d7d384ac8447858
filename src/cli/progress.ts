/**
 * A progress bar for batch work, on stderr and only when stderr is a terminal: piped or
 * redirected output (and stdout's JSON) never sees it.
 */
import { SingleBar } from 'cli-progress';
import { messages } from '../i18n/index.ts';

export interface Progress {
  /** One more item done; `label` names it (a file name). */
  tick(label: string): void;
  stop(): void;
}

const silent: Progress = { tick: () => {}, stop: () => {} };

export function startProgress(total: number): Progress {
  if (!process.stderr.isTTY || total < 2) return silent;
  const bar = new SingleBar({
    format: messages().cli.inputs.progress,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { file: '' });
  return {
    tick: (label) => bar.increment(1, { file: label }),
    stop: () => bar.stop(),
  };
}
