/** Documents the publication tests share: the seed, and generated documents with each layout variation. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TargetDocument } from '../../core/model/document.ts';
import { generateDocuments, type GenerateLayout } from '../../core/model/generate.ts';
import { readPublishedText } from '../text/read.ts';

export const SEED_FILE = resolve(import.meta.dirname, '../../../samples/huailai-sifaju-2020.txt');

export const seedDocuments = (): TargetDocument[] => readPublishedText(readFileSync(SEED_FILE), { fileName: 'huailai-sifaju-2020.txt' });

/** Each variation of real published documents on its own, and all of them at once. */
export const LAYOUT_VARIATIONS: Record<string, GenerateLayout> = {
  plain: {},
  monthlyCheckpoints: { checkpoints: 'monthly' },
  quarterlyCheckpoints: { checkpoints: 'quarterly' },
  outcomeAs效益: { outcomeName: '效益指标' },
  costAsLevel1: { costAsLevel1: true },
  longTerm: { longTerm: true },
  otherFunds: { otherFunds: true },
  fundSources: { fundSources: true },
  noDepartment: { department: false },
  optionalFields: { optionalFields: true },
  level3: { level3: true },
  remarks: { remarks: true },
  everything: {
    checkpoints: 'monthly',
    outcomeName: '效益指标',
    costAsLevel1: true,
    longTerm: true,
    otherFunds: true,
    fundSources: true,
    optionalFields: true,
    level3: true,
    remarks: true,
  },
};

/** Two units with a few projects each, in the variation's layout (2021 when 成本 is a 一级). */
export function generatedDocuments(layout: GenerateLayout, seed = 20): TargetDocument[] {
  return generateDocuments({ seed, units: 2, projectsPerUnit: [2, 4], year: layout.costAsLevel1 ? 2021 : 2020, layout });
}

const LEVEL1_ORDER = ['产出指标', '效果指标', '效益指标', '满意度指标'];

/**
 * The seed with tables that run over pages, for the page-break tests: its first project holds every
 * indicator row of the seed, grouped by 一级 and 二级 as a form has them (three pages of groups that
 * each fit on a page). With `tallGroup`, its second project has one 产出指标 group taller than a page.
 */
export function longTableDocuments(options: { tallGroup?: boolean } = {}): TargetDocument[] {
  const [seed] = seedDocuments();
  const all = seed!.projects.flatMap((p) => p.indicators);
  const level2s = [...new Set(all.map((x) => x.level2))];
  const order = (i: (typeof all)[number]) => LEVEL1_ORDER.indexOf(i.level1) * 100 + level2s.indexOf(i.level2);
  const grouped = [...all].sort((a, b) => order(a) - order(b));
  const [first, second, ...rest] = seed!.projects;
  const tall = [...all, ...all].map((i, n) => ({ ...i, level1: '产出指标', level2: n < all.length ? '数量指标' : '质量指标' }));
  return [
    {
      ...seed!,
      projects: [
        { ...first!, indicators: grouped },
        options.tallGroup ? { ...second!, indicators: [...tall, ...second!.indicators.filter((i) => i.level1 !== '产出指标')] } : second!,
        ...rest,
      ],
    },
  ];
}
