import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rollUp } from '../../core/transfer/rollup.ts';
import { messagesFor } from '../../i18n/index.ts';
import { formsDocument } from '../report-grid/docx.ts';
import { formsWorkbook } from '../report-grid/xlsx.ts';
import { transferForms, type FundSheet } from './forms.ts';

const m = messagesFor('zh-CN').transfer;
const FUND: FundSheet = {
  year: 2020,
  code: 'SQJZ-2020',
  name: '社区矫正补助资金',
  department: '河北省司法厅',
  issuerName: '张家口市财政局',
  amount: '60.00',
  amountCentral: '40.00',
  amountLocal: '20.00',
  goal: '深化社区矫正工作，降低重新违法犯罪率。',
  indicators: [
    { level1: '产出指标', level2: '数量指标', level3: '社区矫正对象接收人数', target: '≥500人' },
    { level1: '产出指标', level2: '质量指标', level3: '信息核查率', target: '=100%' },
  ],
};
const REGION = { bureauName: '怀来县财政局', amount: '43.10', targets: ['≥300人', '=100%'] };
const ROLLUP = rollUp({
  amount: FUND.amount,
  indicators: FUND.indicators,
  regions: [{ allocationId: 1, bureauId: 1, ...REGION, projects: [] }],
});

const texts = (sheet: ExcelJS.Worksheet) => {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
};

describe('the 区域绩效目标表 forms', () => {
  it('lays out the Ministry’s columns for the fund and each region, then the roll-up', async () => {
    const forms = transferForms(m, FUND, [REGION], ROLLUP);
    expect(forms.map((f) => f.sheetName)).toEqual(['全部地区', '怀来县财政局', '转移支付区域绩效目标分解汇总表']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await formsWorkbook(forms)) as never);
    const whole = texts(workbook.worksheets[0]!);
    for (const label of [
      '专项名称',
      '主管部门',
      '资金情况（万元）',
      '年度金额',
      '其中',
      '中央补助',
      '地方资金',
      '年度总体目标',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
    ])
      expect(whole).toContain(label);
    expect(whole).toEqual(expect.arrayContaining(['社区矫正补助资金', '≥500人', '40', '20']));
    const region = texts(workbook.worksheets[1]!);
    expect(region).toEqual(expect.arrayContaining(['下达地区：怀来县财政局', '≥300人', '43.1']));
    expect(region).not.toContain('≥500人');
    const rollup = texts(workbook.worksheets[2]!);
    expect(rollup).toEqual(expect.arrayContaining(['分解合计', '未分解', '下达 43.10 万元，已分解到项目 0 万元']));
  });

  it('writes the same forms as a Word document', async () => {
    const bytes = await formsDocument(transferForms(m, FUND, [REGION], ROLLUP), m.table.title);
    expect(Buffer.from(bytes.slice(0, 2)).toString()).toBe('PK');
  });
});
