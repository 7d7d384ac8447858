/** The export worker (see ./render.ts): writes the files it is asked for, one at a time, in order. */
import { parentPort } from 'node:worker_threads';
import { profileById } from '../../core/forms/profiles.ts';
import { writeNoticeFile } from '../../formats/approval-notice/write.ts';
import { writeDocumentsFile, writeTemplate } from '../../formats/publication/export.ts';
import { setLocale } from '../../i18n/index.ts';
import type { RenderJob, RenderReply } from './render.ts';

const port = parentPort!;
let queue = Promise.resolve();

port.on('message', ({ id, job }: { id: number; job: RenderJob }) => {
  queue = queue.then(async () => {
    let reply: RenderReply;
    try {
      setLocale(job.locale);
      const profile = job.profile === undefined ? undefined : profileById(job.profile);
      const bytes =
        job.kind === 'template'
          ? await writeTemplate(job.year, profile)
          : job.kind === 'notice'
            ? await writeNoticeFile({ ...job, profile })
            : await writeDocumentsFile(job.docs, job.format, { profile });
      reply = { id, bytes };
    } catch (e) {
      reply = { id, error: (e as Error).message };
    }
    port.postMessage(reply);
  });
});
