/**
 * `jixiao notice export`, straight on the database (not while a server owns the embedded data
 * directory): an approval notice's 批复表, one per covered document — a ZIP when there are several,
 * written one document at a time with a progress bar on a terminal — or the whole notice as one file.
 * The output appears only once complete.
 */
import { messages } from '../../i18n/index.ts';
import { profileById } from '../../core/forms/profiles.ts';
import { writeNoticeFile, type NoticeFormat } from '../../formats/approval-notice/write.ts';
import { FILE_TYPES } from '../../formats/publication/export.ts';
import { profileIdsOf, writeFileAtomically, writeZip } from '../../server/export/bundle.ts';
import { printedNotice, readNotice } from '../../store/notices/read.ts';
import { startProgress } from '../progress.ts';
import { onStore, type TargetOptions } from './admin-target.ts';

export interface NoticeExportOptions extends TargetOptions {
  bureau: string;
  year: number;
  number: string;
  format: NoticeFormat;
  whole: boolean;
  out: string;
}

const say = (s: string) => process.stderr.write(`${s}\n`);

export async function runNoticeExport(o: NoticeExportOptions): Promise<number> {
  const m = messages().notices.cli;
  return onStore(o, m.whileServing, async (store) => {
    const db = store.db;
    const bureau = await db.selectFrom('bureaus').select('id').where('code', '=', o.bureau).executeTakeFirst();
    if (!bureau) {
      say(m.unknownBureau(o.bureau));
      return 2;
    }
    const found = await db
      .selectFrom('approval_notices')
      .select('id')
      .where('bureau_id', '=', bureau.id)
      .where('year', '=', o.year)
      .where('number', '=', o.number.trim())
      .executeTakeFirst();
    const notice = found && (await readNotice(db, found.id));
    if (!notice) {
      say(m.notFound(o.number, o.year));
      return 2;
    }
    const { head, docs } = await printedNotice(db, notice);
    if (docs.length === 0) {
      say(m.empty);
      return 2;
    }
    const [id] = await profileIdsOf(db, [{ bureauId: notice.bureauId, year: notice.year }], o.format);
    const profile = id === undefined ? undefined : profileById(id);
    const f = messages().notices.form;
    if (o.whole || docs.length === 1) {
      const bytes = await writeNoticeFile({ head, docs, whole: o.whole, format: o.format, profile });
      await writeFileAtomically(o.out, (sink) => sink(bytes));
      say(o.whole ? m.writtenWhole(o.out) : m.written(1, o.out));
      return 0;
    }
    const progress = startProgress(docs.length);
    const extension = FILE_TYPES[o.format].extension;
    async function* files() {
      for (const doc of docs) {
        const name = `${f.formFileName(head.number, doc.unitName)}.${extension}`.replace(/[\\/:*?"<>|]+/g, '_');
        yield { name, data: await writeNoticeFile({ head, docs: [doc], whole: false, format: o.format, profile }) };
        progress.tick(name);
      }
    }
    try {
      await writeFileAtomically(o.out, (sink) => writeZip(files(), sink));
    } finally {
      progress.stop();
    }
    say(m.written(docs.length, o.out));
    return 0;
  });
}
