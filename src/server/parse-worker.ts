/** The upload parser's worker thread (see ./parse-pool.ts): one file at a time, as the pool hands them out. */
import { parentPort } from 'node:worker_threads';
import { answer, type ParseRequest } from './parse-jobs.ts';

const port = parentPort!;
port.on('message', async (request: ParseRequest) => port.postMessage(await answer(request)));
