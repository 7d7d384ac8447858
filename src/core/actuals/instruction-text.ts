/**
 * Whether a cell still holds the template's printed instruction rather than what a unit wrote.
 * Published 自评表 keep them where nobody filled the cell in; every one seen ends its guidance with
 * the length it allows ("…分析存在的问题及原因。(200字以内)", "…需说明原因(100字以内);…"), which
 * nobody writes in a finding of their own.
 */
const LENGTH_HINT = /[(（]\s*\d+\s*字以内\s*[)）]/u;

export const isTemplateInstruction = (text: string): boolean => text.includes('字以内') && LENGTH_HINT.test(text);
