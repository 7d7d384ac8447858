/**
 * The upload parser's worker for tests: it holds each file, its thread blocked as by a long parse,
 * until the test opens the gate, so a test can watch the server answer other requests meanwhile.
 * The pool's `workerData.gate` is an Int32Array's SharedArrayBuffer: [0] the gate, opened by the test
 * (1); [1] the files held so far, counted here (a test waits on it with Atomics.waitAsync).
 */
import Tinypool from 'tinypool';
import { answer, type ParseJob, type ParseReply } from './parse-jobs.ts';

const gate = new Int32Array((Tinypool.workerData as { gate: SharedArrayBuffer }).gate);

export default function held(job: ParseJob): Promise<ParseReply> {
  Atomics.add(gate, 1, 1);
  Atomics.notify(gate, 1);
  Atomics.wait(gate, 0, 0);
  return answer(job);
}
