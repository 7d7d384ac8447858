/**
 * Whatever a table holds, the recogniser answers with documents or an ImportError — never another
 * exception. Grids are drawn (with a fixed seed) from the headings, labels and values real forms
 * print, merged at random, so that half-formed layouts reach every branch.
 */
import { Compile } from 'typebox/compile';
import { expect, it } from 'vitest';
import { Actuals } from '../../core/actuals/actuals.ts';
import { TargetDocument } from '../../core/model/document.ts';
import { ImportError } from '../import-error.ts';
import { gridOf } from './grid.testing.ts';
import { recogniseTables } from './recognise.ts';

const WORDS = [
  ...['一级指标', '二级指标', '三级指标', '指标值', '指标性质', '度量单位', '权重', '得分', '完成值', '指标方向', '分值', '指标解释'],
  ...['项目名称', '实施单位', '预算数', '年度目标', '中期滚动目标', '部门职能', '年度目标任务', '预算金额', '年初预算', '预算执行数'],
  ...['产出指标', '成本指标(0-20)分', '数量指标', '办理案件数', '≥', '=', '正向', '95', '%', '3,309,840.00', '250万', '/', ''],
  ...['合计', '评价结论', '结合自评情况(200字以内)', '绩效指标(90分)', '51000021R000000019951-工资性支出', '(433)某单位', '2023年度'],
  '^',
  '<',
];

const HEADINGS = [
  ['一级指标', '二级指标', '三级指标', '指标值', '指标性质', '度量单位', '权重', '完成值'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'],
  ['单位名称', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'],
  // Half-formed: a second set without its 三级, 三级 before 一级.
  ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '指标值'],
  ['三级指标', '一级指标', '二级指标', '指标值'],
];

/** A small linear congruential generator: the same grids on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const validDocument = Compile(TargetDocument);
const validActuals = Compile(Actuals);

it('answers every drawn table with valid documents or an ImportError', () => {
  const next = random(13);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)]!;
  let read = 0;
  for (let n = 0; n < 2000; n++) {
    const height = 1 + Math.floor(next() * 8);
    const width = 1 + Math.floor(next() * 8);
    const rows = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => {
        const w = pick();
        return (w === '^' && r === 0) || (w === '<' && c === 0) ? '' : w;
      }),
    );
    // Most tables open with a heading row, so that rows under it are read too.
    const heading = HEADINGS[Math.floor(next() * (HEADINGS.length + 1))];
    if (heading !== undefined) rows.unshift(heading);
    try {
      const { documents, actuals } = recogniseTables({ file: 'f.html', tables: [gridOf(rows)] }, { year: 2023 });
      // Over-long text is refused by readDocumentFile for every reader alike, not here.
      for (const d of documents) {
        const errors = validDocument.Check(d) ? [] : [...validDocument.Errors(d)];
        const tooLong = new Set(errors.filter((e) => e.keyword === 'maxLength').map((e) => e.instancePath));
        const wrong = errors.filter((e) => !tooLong.has(e.instancePath) && e.keyword !== 'anyOf');
        if (wrong.length > 0) throw new Error(`${JSON.stringify(rows)}: ${JSON.stringify(wrong[0])}`);
      }
      if (actuals !== null && !validActuals.Check(actuals)) throw new Error(`${JSON.stringify(rows)}: invalid actuals`);
      read++;
    } catch (e) {
      if (!(e instanceof ImportError)) throw new Error(`${JSON.stringify(rows)}: ${(e as Error).stack}`);
    }
  }
  expect(read).toBeGreaterThan(0);
});
