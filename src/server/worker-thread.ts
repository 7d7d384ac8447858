/** Starting the server's worker threads, from the TypeScript sources or from the compiled dist/. */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker module `name` beside the module at `from` (its import.meta.url): .ts in the sources, .js compiled. */
export const workerModule = (from: string, name: string): URL => new URL(`./${name}.${from.endsWith('.ts') ? 'ts' : 'js'}`, from);

export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  // Run from the TypeScript sources (npm start, tests): the worker loads them through tsx, as the main thread does.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const url = JSON.stringify(module.href);
  return new Worker(`import(${tsx}).then(({ tsImport }) => tsImport(${url}, ${url}))`, { ...options, eval: true });
}
