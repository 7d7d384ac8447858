/**
 * The template's printed instructions, left in a cell nobody filled in: a length limit ("(200字以内)",
 * "限500字"), a request to the filler ("请填写…", "结合自评情况,分析存在的问题及原因。"). Published
 * 自评表 keep them (青神's does); the table reader marks such statements, the review reports such cells.
 * Each alternative holds what core/review/texts.ts tests cells for first (请, 填, "200字", 自评情况, 问题及原因).
 */
export const TEMPLATE_INSTRUCTION =
  /[(（]\s*(?:限\s*)?\d+\s*字(?:以内|以下|内)?\s*[)）]|\d+\s*字以内|(?:不超过|限)\s*\d+\s*字|结合自评情况|分析存在的问题及原因|请(?:填写|简要|简述|根据|结合|按照|列明|如实)|此处填写|填写说明|(?:根据|按照)(?:实际情况|要求)填写/;

export const isTemplateInstruction = (text: string): boolean => TEMPLATE_INSTRUCTION.test(text);
