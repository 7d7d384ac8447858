/** The upload parser's worker thread (see ./parse-pool.ts): one file at a time, as the pool hands them out. */
export { answer as default } from './parse-jobs.ts';
