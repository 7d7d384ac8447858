/** 交换格式（jixiao.targets JSON）导入时的提示文字。 */
export const exchangeFormat = {
  notJson: (detail: string) => `不是有效的 JSON：${detail}`,
  notExchangeFile: '不是 jixiao 交换格式文件（应有 "format": "jixiao.targets"）',
  unsupportedVersion: (version: string) => `不支持的交换格式版本 ${version}（本程序读取版本 1）`,
  missingFields: (names: string) => `缺少字段 ${names}`,
  unknownField: (name: string) => `未知字段「${name}」`,
  wrongType: (expected: string) => `类型不对，应为 ${expected}`,
  notDecimal: '应为精确的十进制数字文本，如 "5.00"',
  notAllowed: (allowed: string) => `取值应为 ${allowed}`,
  outOfRange: '超出允许范围',
  tooLong: (max: number) => `超过 ${max} 个字的上限`,
  empty: '不能为空',
  invalid: (detail: string) => `不符合交换格式：${detail}`,
};
