/**
 * `jixiao results`: a bureau's 评价结果应用表 for a year as XLSX, straight on the database (the same
 * report as /api/results/export.xlsx), read page by page with a progress bar on a terminal.
 */
import { writeFile } from 'node:fs/promises';
import { DEFAULT_RESULT_ACTIONS } from '../../core/results/actions.ts';
import { writeResultsXlsx, type ResultsReportRow } from '../../formats/results-report/write.ts';
import { messages } from '../../i18n/index.ts';
import { MAX_PAGE } from '../../store/keyset.ts';
import { resultsReport } from '../../store/results/report.ts';
import { effectiveSettings } from '../../store/settings.ts';
import { startProgress } from '../progress.ts';
import { onStore, type TargetOptions } from './admin-target.ts';

export interface ResultsOptions extends TargetOptions {
  bureau: string;
  year: number;
  out?: string;
}

export async function runResultsExport(o: ResultsOptions): Promise<number> {
  const m = messages().rectification.command;
  return onStore(o, m.whileServing, async (store) => {
    const b = await store.db.selectFrom('bureaus').select(['id', 'name']).where('code', '=', o.bureau).executeTakeFirst();
    if (!b) {
      process.stderr.write(`${m.unknownBureau(o.bureau)}\n`);
      return 2;
    }
    const actions = (await effectiveSettings(store.db, b.id)).review.settings.resultActions ?? DEFAULT_RESULT_ACTIONS;
    const rows: ResultsReportRow[] = [];
    let cursor: string | undefined;
    let progress: ReturnType<typeof startProgress> | undefined;
    do {
      const page = await resultsReport(store.db, b.id, o.year, actions, { limit: MAX_PAGE, cursor });
      progress ??= startProgress(Math.ceil((page.total?.value ?? 0) / MAX_PAGE));
      rows.push(...page.items);
      progress.tick(String(rows.length));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    progress?.stop();
    const file = o.out ?? `${o.bureau}-${o.year}-results.xlsx`;
    await writeFile(file, await writeResultsXlsx(b.name, o.year, rows));
    process.stderr.write(`${m.written(rows.length, file)}\n`);
    return 0;
  });
}
