import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDocuments } from '../../core/model/generate.ts';
import { ImportError } from '../import-error.ts';
import { readPublishedText } from '../text/read.ts';
import { readExchangeJson, writeExchangeJson } from './exchange.ts';

const seed = readPublishedText(readFileSync(resolve(import.meta.dirname, '../../../samples/huailai-sifaju-2020.txt')), {
  fileName: 'seed.txt',
});
const source = { fileName: 'targets.json' };

function errorOf(json: unknown): ImportError {
  try {
    readExchangeJson(typeof json === 'string' ? json : JSON.stringify(json), source);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('no ImportError was thrown');
}

describe('exchange JSON', () => {
  it('wraps documents with format and version, amounts as decimal strings, empty cells as null', () => {
    const data = JSON.parse(writeExchangeJson(seed));
    expect(data.format).toBe('jixiao.targets');
    expect(data.version).toBe(1);
    expect(data.documents[0].projects[0].budget).toEqual({ total: '5.00', fiscal: '5.00', other: null, sources: [] });
  });

  it('adds the derived targetValue to each indicator, and ignores it on read', () => {
    const data = JSON.parse(writeExchangeJson(seed));
    const first = data.documents[0].projects[0].indicators[0];
    expect(first.targetValue).toMatchObject({ kind: 'quantitative', operator: '≥', value: '95' });
    first.targetValue = { kind: 'empty', text: '' };
    expect(readExchangeJson(JSON.stringify(data), source)).toEqual(seed);
  });

  it('round-trips the seed and generated documents', () => {
    expect(readExchangeJson(writeExchangeJson(seed), source)).toEqual(seed);
    const docs = generateDocuments({
      seed: 9,
      units: 3,
      layout: { longTerm: true, fundSources: true, optionalFields: true, otherFunds: true },
    });
    expect(readExchangeJson(writeExchangeJson(docs, { targetValues: false, indent: 0 }), source)).toEqual(docs);
    expect(readExchangeJson(new TextEncoder().encode(writeExchangeJson(docs)), source)).toEqual(docs);
  });

  it('round-trips the columns only some provinces print and the 部门整体 table, absent where a form has none', () => {
    const docs = generateDocuments({ seed: 10, units: 2, layout: { provincial: true, longTerm: true } });
    const text = writeExchangeJson(docs);
    expect(readExchangeJson(text, source)).toEqual(docs);
    expect(text).toContain('"measureUnit"');
    expect(text).toContain('"duties"');
    const data = valid();
    data.documents[0].projects[0].indicators[0].weight = '十分';
    expect(errorOf(data).location.field).toBe('documents[0].projects[0].indicators[0].weight');
  });

  const valid = () => JSON.parse(writeExchangeJson(seed, { targetValues: false }));

  it('names the JSON path of a value that breaks the schema', () => {
    const data = valid();
    data.documents[0].projects[2].budget.total = 39;
    const e = errorOf(data);
    expect(e.location).toEqual({ file: 'targets.json', field: 'documents[0].projects[2].budget.total' });
    expect(e.reason).toBe('类型不对，应为 string');
  });

  it('rejects an amount that is not an exact decimal string', () => {
    const data = valid();
    data.documents[0].projects[0].budget.fiscal = '5,00';
    expect(errorOf(data).reason).toBe('应为精确的十进制数字文本，如 "5.00"');
  });

  it('rejects an empty checkpoint, naming its path', () => {
    const data = valid();
    data.documents[0].projects[1].spendingPlan.push({ checkpoint: '', percent: null });
    const e = errorOf(data);
    expect(e.location).toEqual({ file: 'targets.json', field: 'documents[0].projects[1].spendingPlan[4].checkpoint' });
    expect(e.reason).toBe('不能为空');
  });

  it('rejects unknown and missing fields instead of dropping them', () => {
    const data = valid();
    data.documents[0].projects[0].budget.fiscall = '1';
    expect(errorOf(data).location.field).toBe('documents[0].projects[0].budget.fiscall');
    const missing = valid();
    delete missing.documents[0].projects[1].useOfFunds;
    const e = errorOf(missing);
    expect(e.location.field).toBe('documents[0].projects[1]');
    expect(e.reason).toBe('缺少字段 useOfFunds');
  });

  it('checks nested numbered items all the way down', () => {
    const data = valid();
    data.documents[0].department.safeguards[0].children[0].children = [{ label: '1、', text: null, children: [] }];
    expect(errorOf(data).location.field).toBe('documents[0].department.safeguards[0].children[0].children[0].text');
  });

  it('rejects other files: not JSON (with its line), another format, another version', () => {
    const e = errorOf('{\n  "format": "jixiao.targets",\n  "version": 1,\n  oops\n}');
    expect(e.location.line).toBe(4);
    expect(errorOf({ format: 'other' }).location.field).toBe('format');
    expect(errorOf({ format: 'jixiao.targets', version: 2, documents: [] }).reason).toContain('版本 2');
  });
});
