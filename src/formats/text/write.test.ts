import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDocuments, type GenerateLayout } from '../../core/model/generate.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { LAYOUT_VARIATIONS, SEED_FILE } from '../publication/fixtures.testing.ts';
import { readPublishedText } from './read.ts';
import { writePublishedText, type WriteTextOptions } from './write.ts';

const seed = readPublishedText(readFileSync(SEED_FILE), { fileName: 'seed.txt' });
const roundTrip = (docs: TargetDocument[], options?: WriteTextOptions) =>
  readPublishedText(writePublishedText(docs, options), { fileName: 'written.txt' });

const LAYOUTS: Record<string, GenerateLayout> = {
  plain: {},
  monthly: { checkpoints: 'monthly', otherFunds: true },
  quarterly: { checkpoints: 'quarterly', outcomeName: '效益指标' },
  form2021: { costAsLevel1: true, outcomeName: '效益指标' },
  longTerm: { longTerm: true, remarks: true },
  everything: LAYOUT_VARIATIONS.everything!,
  noDepartment: { department: false },
};

describe('writePublishedText', () => {
  it('writes the seed so that it reads back the same', () => {
    expect(roundTrip(seed)).toEqual(seed);
  });

  it('writes the seed the way Word exports it: TOC codes, TAB cells, blank lines between rows', () => {
    const text = writePublishedText(seed);
    expect(text).toContain('一、总体绩效目标 TC 一、总体绩效目标 \\f A \\l 1 \n');
    expect(text).toContain(
      '1、法律援助绩效目标表 TC 1、法律援助绩效目标表 \\f C \\l 1 \n\t315002怀来县司法局\n\t单位：万元\n\n\t项目编码\n\t315-0105-JBN-2D9U\n',
    );
    expect(text).toContain(
      '\t绩效目标\n\t1、组织法律援助的律师，为经济困难或特殊案件的人给予无偿提供法律服务，并办理法律援助案件。\n\n2、困难群众得到受益',
    );
    // The merged 一级 cell is printed once.
    expect(text).toContain('\t产出指标\n\t数量指标\n\t\n\t办理法律援助案件结案率\n\t≥95\n\t结案率\n\n\t\n\t数量指标\n');
  });

  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`round-trips generated documents: ${name}`, () => {
      const docs = generateDocuments({ seed: name.length * 7919, units: 3, layout, year: 2021 });
      expect(roundTrip(docs)).toEqual(docs);
    });
  }

  it('round-trips with CRLF, without an empty 其他资金 cell and without an unused 三级指标 column', () => {
    const docs = generateDocuments({ seed: 11, units: 2, layout: { otherFunds: true } });
    const options: WriteTextOptions = { lineEnding: '\r\n', omitEmptyOtherFunds: true, omitEmptyLevel3: true };
    const text = writePublishedText(docs, options);
    expect(text).toContain('\r\n');
    expect(text).not.toContain('\t三级指标');
    expect(roundTrip(docs, options)).toEqual(docs);
  });

  it('round-trips with full-width numbers and half-width label punctuation', () => {
    const docs = generateDocuments({ seed: 12, units: 2, layout: { otherFunds: true, fundSources: true, checkpoints: 'monthly' } });
    const text = writePublishedText(docs, { fullWidth: true });
    expect(text).toContain('\t其中:财政资金\n');
    expect(text).toMatch(/\t[０-９]+．[０-９]{2}\n/);
    expect(text).toContain('\t１２月\n');
    expect(roundTrip(docs, { fullWidth: true })).toEqual(docs);
  });

  it('writes several units into one file that reads back as several documents', () => {
    const docs = [...seed, ...generateDocuments({ seed: 5, units: 2, layout: { department: false } })];
    expect(roundTrip(docs)).toEqual(docs);
  });

  it('round-trips unit names with digits, brackets and spaces', () => {
    for (const name of ['蔚县第2中学（本级）', '张家口市第一医院(本部)', '怀来县 司法局']) {
      const [doc] = generateDocuments({ seed: 9, units: 1 });
      const renamed = { ...doc!, unit: { ...doc!.unit, name }, projects: doc!.projects.map((p) => ({ ...p, unit: { ...p.unit, name } })) };
      expect(roundTrip([renamed])).toEqual([renamed]);
    }
  });
});
