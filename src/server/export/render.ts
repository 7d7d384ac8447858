/**
 * Export files are written off the event loop. PGlite runs on the server's one JavaScript thread, and
 * a Word or PDF file takes a fraction of a second of CPU (a bureau's bundle, a minute): written on that
 * thread, it would hold up every other request meanwhile. So they are written in one worker thread,
 * in the order asked, started on first use and stopped when it has been idle a while.
 */
import type { Worker } from 'node:worker_threads';
import type { TargetDocument } from '../../core/model/document.ts';
import type { FileFormat } from '../../formats/publication/export.ts';
import type { NoticeFileRequest } from '../../formats/approval-notice/write.ts';
import type { Locale } from '../../i18n/index.ts';
import { startWorker, workerModule } from '../worker-thread.ts';

export type RenderJob =
  /** `profile`: the id of the form profile Word and PDF print in and the workbook has the columns of (jixiao’s own form when absent). */
  | { kind: 'documents'; docs: readonly TargetDocument[]; format: FileFormat; locale: Locale; profile?: string | undefined }
  | { kind: 'template'; year?: number; profile?: string; locale: Locale }
  /** An approval notice or its 批复表 (../../formats/approval-notice/write.ts), `profile` as above. */
  | ({ kind: 'notice'; locale: Locale; profile?: string | undefined } & Omit<NoticeFileRequest, 'profile'>);

export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** How long an idle worker is kept (it holds the writers' libraries and fonts: a second to load again). */
const IDLE_MS = 60_000;

const WORKER = workerModule(import.meta.url, 'render-worker');

export class Renderer {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
  #idle: NodeJS.Timeout | undefined;

  /** Writes the file in the worker; rejects with the writer's error. */
  render(job: RenderJob): Promise<Uint8Array> {
    const worker = this.#running();
    const id = this.#next++;
    clearTimeout(this.#idle);
    // A job in progress keeps the process alive; an idle worker does not.
    worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #running(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = startWorker(WORKER);
    worker.on('message', (reply: RenderReply) => {
      const job = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if ('bytes' in reply) job?.resolve(reply.bytes);
      else job?.reject(new Error(reply.error));
      if (this.#pending.size === 0) this.#rest(worker);
    });
    // A worker that dies fails what it was given; the next job starts another.
    const fail = (e: Error) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const job of this.#pending.values()) job.reject(e);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`export worker stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #rest(worker: Worker): void {
    worker.unref();
    this.#idle = setTimeout(() => {
      if (this.#worker === worker && this.#pending.size === 0) void this.close();
    }, IDLE_MS).unref();
  }
}

/** The process's renderer: one worker for the API and the control socket alike. */
export const renderer = new Renderer();
