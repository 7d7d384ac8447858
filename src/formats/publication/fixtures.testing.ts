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
