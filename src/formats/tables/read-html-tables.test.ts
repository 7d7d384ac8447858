import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grid } from './grid.ts';
import { htmlEncoding } from './html-encoding.ts';
import { readHtmlTables } from './read-html-tables.ts';

/** A government page saved from the browser: GB2312 declared by http-equiv, the form boxed in a layout table. */
const gbkPage = new Uint8Array(readFileSync(resolve(import.meta.dirname, 'test-files/gbk-page.html')));
const texts = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.text));
const merges = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.mergedFrom?.[0] ?? '.').join(''));
const utf8 = (html: string) => new TextEncoder().encode(html);

const EXPECTED = [
  ['项目名称', '法律援助', '法律援助', '法律援助'],
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '办理案件\n数量', '≥300件'],
  ['产出指标', '质量指标', '结案率', '100%'],
  ['效益指标', '社会效益指标', '群众满意度≥95%', '群众满意度≥95%'],
];

describe('readHtmlTables', () => {
  it('reads a GB2312 page its http-equiv declares: spans spread, <br> a line, &nbsp; a space, scripts left out', () => {
    const { tables } = readHtmlTables(gbkPage, 'page.htm');
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!)).toEqual(EXPECTED);
    expect(merges(tables[0]!)).toEqual(['..ll', '....', '....', 'a...', '...l']);
    expect(tables[0]!.before).toEqual(['2021年项目支出绩效目标表', '预算单位：101001-某某县司法局   单位：万元']);
  });

  it('reads a GBK page that declares nothing as GB18030, the bytes not being UTF-8', () => {
    const text = new TextDecoder('latin1').decode(gbkPage);
    const undeclared = Uint8Array.from(text.replace(/<meta[^>]*>/, ''), (c) => c.charCodeAt(0));
    expect(htmlEncoding(undeclared)).toBe('gb18030');
    expect(texts(readHtmlTables(undeclared, 'page.htm').tables[0]!)).toEqual(EXPECTED);
  });

  it('reads UTF-8 without a declaration, and UTF-16 by its byte order mark', () => {
    const page = '<p>单位：万元</p><table><tr><td>一级指标</td></tr></table>';
    expect(texts(readHtmlTables(utf8(page), 'a.html').tables[0]!)).toEqual([['一级指标']]);
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));
    expect(htmlEncoding(utf16)).toBe('utf-16le');
    expect(readHtmlTables(utf16, 'a.html').tables[0]!.before).toEqual(['单位：万元']);
  });

  it('finds the declaration as a browser’s prescan does', () => {
    const head = (markup: string) => utf8(`<!DOCTYPE html><html><head>${markup}</head></html>`);
    expect(htmlEncoding(head('<meta charset="gb2312">'))).toBe('gbk');
    expect(htmlEncoding(head("<meta content='text/html; charset=GBK' http-equiv='Content-Type'>"))).toBe('gbk');
    expect(htmlEncoding(head('<!-- <meta charset="big5"> --><meta charset=gb18030>'))).toBe('gb18030');
    expect(htmlEncoding(head('<link title="a>b" href="x"><meta charset="big5">'))).toBe('big5');
    // A page saying UTF-16 in ASCII bytes is UTF-8; an unknown label is no declaration.
    expect(htmlEncoding(head('<meta charset="utf-16">'))).toBe('utf-8');
    expect(htmlEncoding(head('<meta charset="no-such-code">'))).toBe('utf-8');
  });

  it('spreads rowspan="0" to the end of the table and keeps every data table in order', () => {
    const page = utf8(
      '<h1>表一</h1><table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>' +
        '<p>表二</p><table><tr><td>e</td></tr></table>',
    );
    const { tables } = readHtmlTables(page, 'a.html');
    expect(texts(tables[0]!)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
    ]);
    expect(tables.map((t) => t.before)).toEqual([['表一'], ['表二']]);
  });
});
