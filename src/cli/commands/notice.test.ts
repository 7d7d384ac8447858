import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/fixture.testing.ts';
import { DEMO_NOTICE } from '../../server/demo-notice.ts';
import { seedDemoIfEmpty } from '../../server/demo.ts';
import { systemActor } from '../../store/audit.ts';
import { openStore } from '../../store/database.ts';
import { addDocuments, createNotice, issueNotice, withdrawNotice } from '../../store/notices/notices.ts';
import { runCli } from '../run-cli.testing.ts';

describe('jixiao notice export', { timeout: 240_000 }, () => {
  it('writes a notice’s 批复表 (a ZIP of one per document when several) or the whole notice, and names what it cannot find', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-notice-'));
    const data = join(dir, 'data');
    const store = await openStore({ dataDir: data });
    try {
      await seedDemoIfEmpty(store, ROOT);
      // The demo notice withdrawn, and both approved documents issued again in one notice.
      const actor = systemActor('test');
      const demo = await store.db.selectFrom('approval_notices').select(['id', 'bureau_id', 'version']).executeTakeFirstOrThrow();
      await withdrawNotice(store.db, actor, demo.id, demo.version, '重新印发');
      const docs = await store.db.selectFrom('documents').select('id').where('status', 'in', ['approved', 'published']).execute();
      const id = await createNotice(store.db, actor, demo.bureau_id, 2020, {
        number: '怀财绩〔2020〕2号',
        title: '通知',
        date: '2020-03-05',
        body: '',
      });
      await issueNotice(
        store.db,
        actor,
        id,
        await addDocuments(
          store.db,
          actor,
          id,
          1,
          docs.map((d) => d.id),
        ),
      );
    } finally {
      await store.close();
    }

    /** `jixiao notice export` of the county's notice numbered `number` in `year`. */
    const exportNotice = (year: string, number: string, ...options: string[]) =>
      runCli(['notice', 'export', '--data', data, '--bureau', '130730', '--year', year, '--number', number, ...options]);
    const zip = join(dir, 'forms.zip');
    const written = await exportNotice('2020', '怀财绩〔2020〕2号', '--format', 'docx', '--out', zip);
    expect(written.stderr).toContain(`已写出 2 张批复表：${zip}`);
    expect(written.code).toBe(0);
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(zip)))).sort();
    expect(names).toEqual([
      '怀财绩〔2020〕2号 怀来县农业农村局项目支出绩效目标批复表.docx',
      '怀财绩〔2020〕2号 怀来县卫生健康局项目支出绩效目标批复表.docx',
    ]);

    const pdf = join(dir, 'notice.pdf');
    const whole = await exportNotice('2020', DEMO_NOTICE.number, '--whole', '--out', pdf);
    expect(whole.code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const missing = await exportNotice('2021', DEMO_NOTICE.number, '--out', pdf);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('该财政部门 2021 年度没有文号为“怀财绩〔2020〕1号”的批复通知。');
    const format = await exportNotice('2020', 'x', '--format', 'xlsx', '--out', pdf);
    expect(format.stderr).toContain('格式“xlsx”无效');
  });
});
