/**
 * Uploaded files are read off the event loop. A DOCX or XLSX takes the CPU for a while (and a file
 * built to, for seconds), and PGlite and every request share the server's one JavaScript thread: read
 * there, an upload would hold up everyone. So files are read in a small pool of worker threads, each
 * with a heap of its own (PARSE_WORKER_HEAP_MB): a file that needs more stops its thread, not the server.
 * Threads start on first use, one job each at a time, and stop when idle a while or when the server closes.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Actuals } from '../core/actuals/actuals.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { PARSE_WORKER_HEAP_MB } from '../formats/limits.ts';
import { currentLocale } from '../i18n/index.ts';
import { importErrorOf, type ParseJob, type ParseReply } from './parse-jobs.ts';
import { startWorker, workerModule } from './worker-thread.ts';

/** A file that needed more memory than a parse thread has. */
export class ParseMemoryError extends Error {
  override readonly name = 'ParseMemoryError';
}

export interface ParsePoolOptions {
  /** Threads at most; default: one core left to the main thread, at most two. */
  size?: number;
  heapMb?: number;
  /** The worker module (tests give one that holds its jobs); default ./parse-worker. */
  module?: URL;
  workerData?: unknown;
}

/** How long an idle thread is kept (it holds the readers' libraries: a fraction of a second to load again). */
const IDLE_MS = 60_000;

interface Task {
  id: number;
  job: ParseJob;
  resolve(value: unknown): void;
  reject(e: Error): void;
}

export class ParsePool {
  readonly #size: number;
  readonly #heapMb: number;
  readonly #module: URL;
  readonly #workerData: unknown;
  readonly #workers = new Map<Worker, { task: Task | undefined; idle: NodeJS.Timeout | undefined }>();
  #queue: Task[] = [];
  #next = 1;
  #closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.#size = options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.#heapMb = options.heapMb ?? PARSE_WORKER_HEAP_MB;
    this.#module = options.module ?? workerModule(import.meta.url, 'parse-worker');
    this.#workerData = options.workerData;
  }

  /** The documents in an uploaded file (see readDocumentFile); rejects with the reader's ImportError. */
  readDocument(bytes: Uint8Array, fileName: string): Promise<TargetDocument[]> {
    return this.#run({ kind: 'document', bytes, fileName, locale: currentLocale() }) as Promise<TargetDocument[]>;
  }

  /** The actuals in an uploaded file, checked against the documents (see readActualsFile). */
  readActuals(bytes: Uint8Array, fileName: string, documents: TargetDocument[]): Promise<Actuals> {
    return this.#run({ kind: 'actuals', bytes, fileName, documents, locale: currentLocale() }) as Promise<Actuals>;
  }

  /** Stops every thread; jobs not finished are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#queue) task.reject(new Error('the parse pool is closed'));
    this.#queue = [];
    await Promise.all([...this.#workers.keys()].map((w) => w.terminate()));
  }

  #run(job: ParseJob): Promise<unknown> {
    if (this.#closed) return Promise.reject(new Error('the parse pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#next++, job, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const worker =
        [...this.#workers].find(([, s]) => s.task === undefined)?.[0] ?? (this.#workers.size < this.#size ? this.#start() : undefined);
      if (worker === undefined) return;
      const state = this.#workers.get(worker)!;
      clearTimeout(state.idle);
      state.task = this.#queue.shift()!;
      // A job in progress keeps the process alive; an idle thread does not.
      worker.ref();
      worker.postMessage({ id: state.task.id, job: state.task.job });
    }
  }

  #start(): Worker {
    const worker = startWorker(this.#module, { workerData: this.#workerData, resourceLimits: { maxOldGenerationSizeMb: this.#heapMb } });
    this.#workers.set(worker, { task: undefined, idle: undefined });
    worker.on('message', (reply: ParseReply) => {
      const state = this.#workers.get(worker)!;
      const task = state.task!;
      state.task = undefined;
      worker.unref();
      state.idle = setTimeout(() => void worker.terminate(), IDLE_MS).unref();
      if ('value' in reply) task.resolve(reply.value);
      else task.reject('importError' in reply ? importErrorOf(reply.importError) : new Error(reply.error));
      this.#dispatch();
    });
    // A thread that dies fails the job it had; the next job starts another.
    const fail = (e: Error) => {
      const state = this.#workers.get(worker);
      if (state === undefined) return;
      this.#workers.delete(worker);
      clearTimeout(state.idle);
      state.task?.reject((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParseMemoryError(e.message) : e);
      this.#dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`parse worker stopped (exit code ${code})`)));
    return worker;
  }
}
