import { describe, expect, it } from 'vitest';
import { blankAssessment, SECTION_IDS } from '../../core/ex-ante/assessment.ts';
import { aProject } from '../../core/review/testing.ts';
import { documentXml, readBody } from '../docx/docx-body.ts';
import { writeExAnteDocx } from './write-docx.ts';

const paragraphsOf = (bytes: Uint8Array) =>
  readBody(documentXml(bytes, 'report.docx')!)!.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('事前绩效评估报告 (DOCX)', () => {
  it('prints the project, the five points with findings and scores, the conclusion with the total, and the assessor', async () => {
    const assessment = { ...blankAssessment('河北某评估咨询有限公司'), conclusion: 'partial' as const, date: '2019-10-15' };
    SECTION_IDS.forEach((id, i) => {
      assessment[id] = { finding: `第${i + 1}方面的评估情况。`, score: String(15 + i) };
    });
    assessment.assessor.kind = 'thirdParty';
    assessment.suggestions = '细化成本指标。';
    const text = paragraphsOf(await writeExAnteDocx({ project: aProject({ attribute: '新增' }), unitName: '怀来县司法局', assessment }));
    expect(text[0]).toBe('事前绩效评估报告');
    expect(text).toContain('项目编码：315-0105-JBN-2D9U');
    expect(text).toContain('预算数（万元）：5.00');
    expect(text).toContain('项目属性：新增');
    const order = [
      '（一）立项必要性',
      '（二）投入经济性',
      '（三）绩效目标合理性',
      '（四）实施方案可行性',
      '（五）筹资合规性',
      '（六）总体结论',
    ].map((h) => text.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text[order[0]! + 1]).toBe('第1方面的评估情况。');
    expect(text).toContain('得分：19 分（满分 20 分）');
    expect(text).toContain('评估结论：部分支持。评估总分 85 分（满分 100 分）。');
    expect(text).toContain('细化成本指标。');
    expect(text.at(-1)).toBe('评估方：河北某评估咨询有限公司（委托第三方机构评估）　评估日期：2019-10-15');
  });

  it('says what is not filled in rather than printing blanks', async () => {
    const text = paragraphsOf(await writeExAnteDocx({ project: aProject(), unitName: '怀来县司法局', assessment: blankAssessment('') }));
    expect(text).toContain('得分：未评分 分（满分 20 分）');
    expect(text).toContain('评估结论：未下结论。评估总分 0 分（满分 100 分）。');
    expect(text.at(-1)).toBe('评估方：（未填写）（单位自行评估）　评估日期：（未填写）');
  });
});
