/**
 * Uploaded files are read off the event loop. A DOCX or XLSX takes the CPU for a while (and a file
 * built to, for seconds), and PGlite and every request share the server's one JavaScript thread: read
 * there, an upload would hold up everyone. So files are read in a small pool of worker threads
 * (tinypool), each with a heap of its own (PARSE_WORKER_HEAP_MB): a file that needs more stops its
 * thread, not the server. Threads start on first use, one job each at a time, and stop when idle a
 * while or when the server closes.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { Actuals } from '../core/actuals/actuals.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { PARSE_WORKER_HEAP_MB } from '../formats/limits.ts';
import type { DocumentRead } from '../formats/read-document.ts';
import { currentLocale } from '../i18n/index.ts';
import { importErrorOf, type ParseJob, type ParseReply } from './parse-jobs.ts';
import { workerModule } from './worker-thread.ts';

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

/** The module a pool thread loads: the compiled one as it is, a TypeScript source through ./ts-worker.mjs. */
function poolFilename(module: URL): string {
  if (!module.pathname.endsWith('.ts')) return module.href;
  const loader = new URL('./ts-worker.mjs', import.meta.url);
  loader.searchParams.set('module', module.href);
  // A path, not a file: URL: tinypool turns a URL into a path and would drop the query.
  return `${loader.pathname}${loader.search}`;
}

export class ParsePool {
  readonly #pool: Tinypool;
  #closed = false;

  constructor(options: ParsePoolOptions = {}) {
    this.#pool = new Tinypool({
      filename: poolFilename(options.module ?? workerModule(import.meta.url, 'parse-worker')),
      minThreads: 0,
      maxThreads: options.size ?? Math.max(1, Math.min(2, availableParallelism() - 1)),
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? PARSE_WORKER_HEAP_MB },
      workerData: options.workerData,
    });
  }

  /** The documents in an uploaded file (see readDocumentFile); rejects with the reader's ImportError. */
  async readDocument(bytes: Uint8Array, fileName: string): Promise<TargetDocument[]> {
    return (await this.readDocuments(bytes, fileName)).documents;
  }

  /** The documents in an uploaded file with the form profile it was recognised as (see readDocuments). */
  readDocuments(bytes: Uint8Array, fileName: string): Promise<DocumentRead> {
    return this.#run({ kind: 'document', bytes, fileName, locale: currentLocale() }) as Promise<DocumentRead>;
  }

  /** The actuals in an uploaded file, checked against the documents (see readActualsFile). */
  readActuals(bytes: Uint8Array, fileName: string, documents: TargetDocument[]): Promise<Actuals> {
    return this.#run({ kind: 'actuals', bytes, fileName, documents, locale: currentLocale() }) as Promise<Actuals>;
  }

  /** Stops every thread; jobs not finished are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#pool.destroy();
  }

  async #run(job: ParseJob): Promise<unknown> {
    if (this.#closed) throw new Error('the parse pool is closed');
    let reply: ParseReply;
    try {
      reply = await this.#pool.run(job);
    } catch (e) {
      // A thread that died fails the job it had (the pool starts another for the next).
      throw (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ParseMemoryError((e as Error).message) : e;
    }
    if ('value' in reply) return reply.value;
    throw 'importError' in reply ? importErrorOf(reply.importError) : new Error(reply.error);
  }
}
