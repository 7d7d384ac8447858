import { afterEach, describe, expect, it } from 'vitest';
import { messagesFor, setLocale } from '../i18n/index.ts';
import { named } from '../i18n/message-ref.ts';
import { ImportError } from './import-error.ts';

describe('ImportError', () => {
  afterEach(() => setLocale('zh-CN'));

  it('names the file, the place and the field before the reason', () => {
    const e = new ImportError({ file: 'a.xlsx', sheet: '项目', cell: 'C4', field: '预算数' }, named.textFormat.notANumber('x'));
    expect(e.message).toBe('a.xlsx 工作表「项目」 单元格 C4 字段「预算数」：“x”不是数字');
    expect(e.location.cell).toBe('C4');
  });

  it('speaks the chosen language', () => {
    setLocale('en');
    expect(new ImportError({ file: 'a.txt', line: 12 }, named.textFormat.notANumber('x')).message).toBe(
      'a.txt, line 12: "x" is not a number',
    );
  });

  it('keeps its reason and a named field as a code and parameters, to be written in another language later', () => {
    const e = new ImportError(
      { file: 'a.txt', line: 3, field: named.textFormat.field.amountUnit },
      named.textFormat.duplicateField(named.textFormat.field.amountUnit),
    );
    expect(e.why).toEqual({ code: 'textFormat.duplicateField', params: [{ code: 'textFormat.field.amountUnit', params: [] }] });
    expect(JSON.parse(JSON.stringify(e.why))).toEqual(e.why);
    const en = messagesFor('en');
    expect(e.in(en)).toBe(
      `a.txt, line 3, ${en.formats.location.field(en.textFormat.field.amountUnit)}: ${en.textFormat.duplicateField(en.textFormat.field.amountUnit)}`,
    );
    expect(e.locationIn(en)).toEqual({ file: 'a.txt', line: 3, field: en.textFormat.field.amountUnit });
    expect(e.message).toBe(e.in(messagesFor('zh-CN')));
  });
});
