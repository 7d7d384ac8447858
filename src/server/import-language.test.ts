/**
 * An unreadable upload is explained in the requester's language, not the server's: the readers
 * (in a worker) name the reason and the field, and the error handler writes them for each request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor, type Locale } from '../i18n/index.ts';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

const BAD_ACTUALS = ['项目编码,指标序号,实际值,日期,说明', '315-0105-JBN-2D9U,,1.10,2020-13-45,'].join('\n');
const NOT_TARGETS = '这是一份会议纪要，不是绩效目标。\n';

// The language is the edge's business, not the database's: one database is enough.
for (const make of testDatabases().slice(0, 1)) {
  const database = make();
  describe('import errors in the requester’s language', () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    const upload = (path: string, raw: string, locale: Locale) =>
      w.clients.ownUnit.request('POST', path, { raw: Buffer.from(raw), contentType: 'text/plain', headers: { 'accept-language': locale } });

    it('previews the same bad actuals file in English for Accept-Language: en and in Chinese for zh-CN', async () => {
      for (const locale of ['en', 'zh-CN'] as const) {
        const m = messagesFor(locale);
        const r = await upload(`/api/documents/${w.draftId}/actuals/import/preview?fileName=bad.csv`, BAD_ACTUALS, locale);
        expect(r.statusCode, r.body).toBe(422);
        const field = m.monitoring.actualsFile.columns.date;
        expect(r.json()).toMatchObject({ code: 'unreadable', location: { file: 'bad.csv', line: 2, field } });
        const place = ['bad.csv', m.formats.location.line(2), m.formats.location.field(field)].join(m.formats.location.separator);
        const reason = m.monitoring.actualsFile.badDate('2020-13-45');
        expect(r.json().message).toBe(m.server.errors.importUnreadable(`${place}${m.formats.location.reasonSeparator}${reason}`));
      }
    });

    it('previews the same unreadable document in English for Accept-Language: en and in Chinese for zh-CN', async () => {
      for (const locale of ['en', 'zh-CN'] as const) {
        const m = messagesFor(locale);
        const r = await upload('/api/import/preview?fileName=notes.txt', NOT_TARGETS, locale);
        expect(r.statusCode, r.body).toBe(422);
        expect(r.json().message).toBe(
          m.server.errors.importUnreadable(`notes.txt${m.formats.location.reasonSeparator}${m.textFormat.unknownContent}`),
        );
      }
    });
  });
}
