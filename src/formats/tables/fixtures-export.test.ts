/**
 * Issue 13's "…and export again in their own profile": each published form of ./fixtures, as
 * expected.json holds it, written to Word in the profile it was recognised as and read back through
 * the table reader (as a bureau meets it), to the same documents and the same profile — a 自评表 as
 * the year's self-evaluation, to Word and Excel, with its actuals too; and to PDF, whose text is
 * checked for the profile's headings and the form's values (no reader reads PDF).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Actuals } from '../../core/actuals/actuals.ts';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import { FORM_PROFILES, SELF_EVALUATION_PROFILES } from '../../core/forms/profiles.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { columnOfHeading, INDICATOR_COLUMNS, PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { writeEvaluationDocx, writeEvaluationXlsx } from '../evaluation-report/write.ts';
import { writePdf } from '../pdf/write-pdf.ts';
import { exportXlsx } from '../xlsx/write-xlsx.ts';
import { readDocuments } from '../read-document.ts';
import { generatedDocuments } from '../publication/fixtures.testing.ts';
import { printsOwnForm } from '../publication/profile-form.ts';
import { withoutNullOptionals } from './fixtures.testing.ts';

interface Expected {
  profile: string;
  documents: TargetDocument[];
  /** A 自评表's year as the form reported it. */
  actuals?: Actuals;
}

const root = resolve(import.meta.dirname, 'fixtures');
const folders = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

const expectedOf = (folder: string) => JSON.parse(readFileSync(join(root, folder, 'expected.json'), 'utf8')) as Expected;
const profileOf = (id: string) => FORM_PROFILES.find((p) => p.id === id)!;

/** A 自评表's result columns (完成值, 得分 …) come from the year's actuals: the self-evaluation writer prints it. */
const SELF_EVALUATION = new Set(SELF_EVALUATION_PROFILES.map((p) => p.id));

describe.each(folders)('%s exported in its own profile', (folder) => {
  const expected = expectedOf(folder);
  const profile = profileOf(expected.profile);

  if (!SELF_EVALUATION.has(profile.id)) {
    it('reads back from Word through the table reader: the same documents and profile', async () => {
      const read = await readDocuments(await writeDocx(expected.documents, { profile }), `${folder}.docx`);
      // jixiao's own form is read by jixiao's own reader, which names no profile.
      expect(read.profile?.id ?? null).toBe(printsOwnForm(profile) ? null : profile.id);
      expect(withoutNullOptionals(read.documents)).toEqual(withoutNullOptionals(expected.documents));
    });
  } else {
    // A 自评表 is the year's evaluation printed in its profile: what the form printed reads back, the
    // scores now the evaluation's (the published form left 得分 empty).
    it.each([
      ['docx', writeEvaluationDocx],
      ['xlsx', writeEvaluationXlsx],
    ] as const)(
      'its self-evaluation reads back from %s through the table reader: the same documents, actuals and profile',
      async (kind, write) => {
        const units = expected.documents.map((d) => evaluateDocument(d, expected.actuals!, { profile }));
        const read = await readDocuments(await write(units, { profile }), `${folder}.${kind}`);
        expect(read.profile?.id).toBe(profile.id);
        expect(withoutNullOptionals(read.documents)).toEqual(withoutNullOptionals(expected.documents));
        const scores = units.flatMap((u) => u.projects.flatMap((p) => [p.budget.score, ...p.indicators.map((i) => i.score)]));
        expect(read.actuals?.projects.flatMap((p) => p.evaluation.map((n) => n.score))).toEqual(scores);
        const withoutScores = (a: Actuals | null | undefined) => a?.projects.map((p) => ({ ...p, evaluation: [] }));
        expect(withoutScores(read.actuals)).toEqual(withoutScores(expected.actuals));
      },
    );
  }

  it('reads back from the workbook with the profile’s columns under its headings', async () => {
    const xlsx = await exportXlsx(expected.documents, { profile });
    const read = await readDocuments(xlsx, `${folder}.xlsx`);
    expect(withoutNullOptionals(read.documents)).toEqual(withoutNullOptionals(expected.documents));
    const headings = strFromU8(unzipSync(xlsx)['xl/sharedStrings.xml'] ?? new Uint8Array());
    // Under the profile's headings, but where one names another column to the reader (乌海's 指标性质 over
    // 正向/反向, 指标方向 over the sign): there jixiao's own, or the workbook would read back swapped.
    const own = profile.columns.filter(
      (c) => PROVINCIAL_INDICATOR_COLUMNS.some((p) => p.id === c.id) && columnOfHeading(INDICATOR_COLUMNS, c.heading) === c.id,
    );
    for (const c of own) expect(headings).toContain(c.heading);
  });

  it('prints its headings and values in the PDF', async () => {
    const pdf = await writePdf(expected.documents, { profile });
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-fixture-pdf-'));
    try {
      writeFileSync(join(dir, 'form.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'form.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      const headings = profile.columns.filter((c) => !['actual', 'score', 'shortfallReason'].includes(c.id)).map((c) => c.heading);
      for (const h of headings) expect(text).toContain(h.replace(/\s+/g, ''));
      for (const doc of expected.documents) {
        const indicators = [...doc.projects.flatMap((p) => p.indicators), ...(doc.department?.indicators ?? [])];
        for (const i of indicators) {
          // Short cells are printed whole on one line; long ones wrap, which pdftotext keeps apart.
          if (i.level3.length <= 6) expect(text).toContain(i.level3);
          if (i.weight != null) expect(text).toContain(i.weight);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Documents that are no province's form (jixiao's generated ones, with every provincial field) printed
 * in each shipped profile. The table reader tells the profile from what the form prints — its headings,
 * header fields, 一级 labels, title — and the data decides some of that: 湘潭's 申报表 prints 四川's
 * title, and its own 一级 labels (社会公众或服务对象满意度指标) the generated documents do not use, so it
 * reads back to the same indicators under another profile. 四川's flat sheet prints a project's code
 * before its name, and its several 年度目标 in one cell (read back as one goal).
 */
describe('generated documents exported in each profile', () => {
  const docs = generatedDocuments({ provincial: true });
  const recognised = new Set([
    'sichuan-application',
    'chongqing-approval',
    'guangdong-dongguan-approval',
    'fujian-ningde-department',
    'neimenggu-wuhai',
  ]);
  for (const profile of FORM_PROFILES.filter((p) => !printsOwnForm(p) && p.kind !== 'selfEvaluation'))
    it(`${profile.id}: every indicator read back, ${recognised.has(profile.id) ? 'as the profile' : 'as another profile (see above)'}`, async () => {
      const read = await readDocuments(await writeDocx(docs, { profile }), `${profile.id}.docx`);
      // A 部门整体 part is printed by a 部门整体 profile only.
      const counts = (d: readonly TargetDocument[]) => [
        ...d.flatMap((x) => x.projects.map((p) => [p.code, p.name, p.amountUnit, p.budget.total, p.indicators.length])),
        ...(profile.kind === 'department' ? d.map((x) => x.department?.indicators?.length ?? 0) : []),
      ];
      expect(counts(read.documents)).toEqual(counts(docs));
      if (recognised.has(profile.id)) expect(read.profile?.id).toBe(profile.id);
      else expect(read.profile?.id).not.toBe(profile.id);
    });
});
