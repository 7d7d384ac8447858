import { expect, it } from 'vitest';
import { isTemplateInstruction } from './template-instruction.ts';

it('knows the printed instructions of the 四川 自评表, half- or full-width', () => {
  expect(isTemplateInstruction('结合自评情况,分析存在的问题及原因。(200字以内)')).toBe(true);
  expect(isTemplateInstruction('对照年度目标，说明相关任务目标的完成情况（100字以内）')).toBe(true);
  expect(
    isTemplateInstruction('1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的'),
  ).toBe(true);
});

it('takes what a unit wrote for what it is', () => {
  expect(isTemplateInstruction('根据财政局资金下达的管理办法,将资金支付给项目施工方。')).toBe(false);
  expect(isTemplateInstruction('无')).toBe(false);
  expect(isTemplateInstruction('培训200人以内的场地已落实')).toBe(false);
});

it('knows the requests to the filler other templates print', () => {
  for (const text of ['请填写项目实施内容', '限500字', '（不超过300字）', '此处填写评价结论'])
    expect(isTemplateInstruction(text)).toBe(true);
});
