import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.ts';
import { ImportError } from './import-error.ts';

describe('ImportError', () => {
  afterEach(() => setLocale('zh-CN'));

  it('names the file, the place and the field before the reason', () => {
    const e = new ImportError({ file: 'a.xlsx', sheet: '项目', cell: 'C4', field: '预算数' }, '不是数字');
    expect(e.message).toBe('a.xlsx 工作表「项目」 单元格 C4 字段「预算数」：不是数字');
    expect(e.location.cell).toBe('C4');
  });

  it('speaks the chosen language', () => {
    setLocale('en');
    expect(new ImportError({ file: 'a.txt', line: 12 }, 'not a number').message).toBe('a.txt, line 12: not a number');
  });
});
