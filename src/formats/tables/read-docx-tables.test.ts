import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxOf, paragraph, table, tocField } from '../docx/word-made.testing.ts';
import type { Grid } from './grid.ts';
import { readDocxTables } from './read-docx-tables.ts';

const texts = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.text));
const merges = (grid: Grid) => grid.rows.map((r) => r.map((c) => c.mergedFrom?.[0] ?? '.').join(''));

const cell = (text: string, options: { columnSpan?: number; verticalMerge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.verticalMerge
      ? { verticalMerge: options.verticalMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
  });

async function wordFile(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('readDocxTables', () => {
  it('spreads a cell merged down (w:vMerge) over its rows as "above"', async () => {
    const file = await wordFile([
      new Table({
        rows: [
          new TableRow({ children: [cell('一级指标'), cell('二级指标'), cell('指标值')] }),
          new TableRow({ children: [cell('产出指标', { verticalMerge: 'restart' }), cell('数量指标'), cell('≥95%')] }),
          new TableRow({ children: [cell('', { verticalMerge: 'continue' }), cell('质量指标'), cell('100%')] }),
          new TableRow({ children: [cell('', { verticalMerge: 'continue' }), cell('时效指标'), cell('12月底前')] }),
          new TableRow({ children: [cell('效益指标'), cell('社会效益指标'), cell('提高')] }),
        ],
      }),
    ]);
    const [grid] = readDocxTables(file, 'a.docx').tables;
    expect(texts(grid!).map((r) => r[0])).toEqual(['一级指标', '产出指标', '产出指标', '产出指标', '效益指标']);
    expect(merges(grid!)).toEqual(['...', '...', 'a..', 'a..', '...']);
  });

  it('spreads a cell spanning grid columns (w:gridSpan) as "left", the rows then as wide as the table', async () => {
    const file = await wordFile([
      new Table({
        rows: [
          new TableRow({ children: [cell('项目名称'), cell('法律援助', { columnSpan: 3 })] }),
          new TableRow({ children: [cell('年度目标', { columnSpan: 2 }), cell('目标一'), cell('目标二')] }),
        ],
      }),
    ]);
    const [grid] = readDocxTables(file, 'a.docx').tables;
    expect(texts(grid!)).toEqual([
      ['项目名称', '法律援助', '法律援助', '法律援助'],
      ['年度目标', '年度目标', '目标一', '目标二'],
    ]);
    expect(merges(grid!)).toEqual(['..ll', '.l..']);
  });

  it('keeps a cell’s paragraphs and line breaks as lines, and the paragraphs before each table, nearest last', async () => {
    const file = await wordFile([
      new Paragraph('项目支出绩效目标表'),
      new Paragraph(''),
      new Paragraph('单位：万元'),
      new Table({ rows: [new TableRow({ children: [cell('实施内容\n第二段')] })] }),
      new Paragraph({ children: [new TextRun('部门整体'), new TextRun({ text: '支出', break: 1 })] }),
      new Table({ rows: [new TableRow({ children: [cell('x')] })] }),
    ]);
    const { tables } = readDocxTables(file, 'a.docx');
    expect(tables.map((t) => t.before)).toEqual([['项目支出绩效目标表', '单位：万元'], ['部门整体\n支出']]);
    expect(tables[0]!.rows[0]![0]!.text).toBe('实施内容\n第二段');
    expect(tables.map((t) => t.name)).toEqual(['第 1 个表格', '第 2 个表格']);
  });

  it('takes the tables inside a layout table as the data tables, its own paragraphs as text before them', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [cell('一级指标'), cell('二级指标')] })] });
    const file = await wordFile([
      new Table({
        rows: [
          new TableRow({
            children: [new TableCell({ children: [new Paragraph('单位：万元'), inner, new Paragraph('')] })],
          }),
        ],
      }),
    ]);
    const { tables } = readDocxTables(file, 'a.docx');
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!)).toEqual([['一级指标', '二级指标']]);
    expect(tables[0]!.before).toEqual(['单位：万元']);
  });

  it('leaves w:gridBefore columns empty and widens a cell by a legacy w:hMerge', () => {
    const xml =
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>e</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>f</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>g</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const [grid] = readDocxTables(docxOf(xml), 'a.docx').tables;
    expect(texts(grid!)).toEqual([
      ['a', 'b', 'c'],
      ['', 'd', 'e'],
      ['f', 'f', 'g'],
    ]);
    expect(merges(grid!)).toEqual(['...', '...', '.l.']);
  });

  it('shows what Word shows: no table of contents, no field codes, a field’s result', () => {
    const field =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2020年</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const xml = `${tocField()}${paragraph('单位：万元')}${table([[{ text: ['项目', '名称'] }], [{ text: 'x' }]]).replace('<w:p><w:r><w:t xml:space="preserve">x</w:t></w:r></w:p>', field)}`;
    const [grid] = readDocxTables(docxOf(xml), 'a.docx').tables;
    expect(grid!.before).toEqual(['单位：万元']);
    expect(texts(grid!)).toEqual([['项目\n名称'], ['2020年']]);
  });

  it('reads the text whatever formatting its paragraphs and runs carry, tracked formatting changes included', () => {
    const formatted = (text: string, change: string) =>
      `<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:sz w:val="20"/></w:rPr>${change}</w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/>${
        change === '' ? '' : '<w:rPrChange w:id="2" w:author="a"><w:rPr><w:b/></w:rPr></w:rPrChange>'
      }</w:rPr><w:t>${text}</w:t></w:r><w:r><w:rPr/><w:t>%</w:t></w:r></w:p>`;
    for (const change of ['', '<w:pPrChange w:id="1" w:author="a"><w:pPr><w:jc w:val="left"/></w:pPr></w:pPrChange>']) {
      const xml = `<w:tbl><w:tr><w:tc>${formatted('指标值', change)}</w:tc><w:tc>${formatted('≥95', change)}</w:tc></w:tr></w:tbl>`;
      expect(texts(readDocxTables(docxOf(xml), 'a.docx').tables[0]!)).toEqual([['指标值%', '≥95%']]);
    }
  });

  it('reads merges and skipped columns among the table, row and cell properties Word writes, tracked table changes included', () => {
    const tc = (text: string, merge: string, change: string, runAttributes: string) =>
      `<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/>${merge}<w:tcBorders><w:top w:val="single" w:sz="4"/></w:tcBorders><w:shd w:val="clear" w:fill="auto"/><w:vAlign w:val="center"/>${change}</w:tcPr >` +
      `<w:p w:rsidR="00B52C1E" w:rsidRDefault="00B52C1E"><w:r w:rsidRPr="00C1"${runAttributes}><w:t xml:space="preserve">${text}</w:t><w:tab/><w:t>/</w:t></w:r ></w:p><w:p/></w:tc>`;
    // Plain; with a run that keeps an attribute the reader does not cut; with tracked changes.
    for (const [grid, cellChange, rowChange, runAttributes] of [
      ['<w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="900"/></w:tblGrid>', '', '', ''],
      ['<w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="900"/></w:tblGrid>', '', '', ' w14:paraId="1A2B"'],
      [
        '<w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:gridCol w:w="900"/><w:tblGridChange w:id="1"><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid></w:tblGridChange></w:tblGrid>',
        '<w:tcPrChange w:id="2" w:author="a"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>',
        '<w:trPrChange w:id="3" w:author="a"><w:trPr><w:gridBefore w:val="2"/></w:trPr></w:trPrChange>',
        '',
      ],
    ] as const) {
      const xml =
        `<w:tbl><w:tblPr><w:tblW w:w="2700" w:type="dxa"/><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr>${grid}` +
        `<w:tr w:rsidR="00B52C1E" w:rsidTr="00B52C1E"><w:trPr><w:trHeight w:val="400"/>${rowChange}</w:trPr>${tc('a', '<w:gridSpan w:val="2"/>', cellChange, runAttributes)}${tc('b', '<w:vMerge w:val="restart"/>', '', runAttributes)}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:jc w:val="center"/></w:trPr>${tc('c', '', '', runAttributes)}${tc('', '<w:vMerge/>', cellChange, runAttributes)}</w:tr></w:tbl>`;
      const [read] = readDocxTables(docxOf(xml), 'a.docx').tables;
      expect(texts(read!)).toEqual([
        ['a /', 'a /', 'b /'],
        ['', 'c /', 'b /'],
      ]);
      expect(merges(read!)).toEqual(['.l.', '..a']);
    }
  });

  it('refuses damaged XML as a damaged Word file', () => {
    expect(() => readDocxTables(docxOf('<w:tbl><w:tr></w:tbl>'), 'a.docx')).toThrow(/a\.docx：文件已损坏或不是有效的 Word 文档/);
  });
});
