import type { Messages } from '../zh-CN/index.ts';

export const exchangeFormat: Messages['exchangeFormat'] = {
  notJson: (detail) => `not valid JSON: ${detail}`,
  notExchangeFile: 'not a jixiao exchange file (expected "format": "jixiao.targets")',
  unsupportedVersion: (version) => `unsupported exchange format version ${version} (this program reads version 1)`,
  missingFields: (names) => `missing field(s) ${names}`,
  unknownField: (name) => `unknown field "${name}"`,
  wrongType: (expected) => `wrong type, expected ${expected}`,
  notDecimal: 'expected an exact decimal string such as "5.00"',
  notAllowed: (allowed) => `the value should be ${allowed}`,
  outOfRange: 'out of the allowed range',
  tooLong: (max) => `longer than the limit of ${max} characters`,
  empty: 'must not be empty',
  invalid: (detail) => `does not match the exchange format: ${detail}`,
};
