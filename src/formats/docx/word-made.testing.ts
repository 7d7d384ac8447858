/**
 * A Word document as Word itself writes one in the published layout, built from raw WordprocessingML:
 * headings carrying TC entry fields, a table of contents field, 一级 cells merged with w:vMerge,
 * 二级 cells left empty for "as above", cells spanning grid columns, a unit line above the table
 * instead of in it, no 其他资金 cell, quarterly checkpoints whose two rows end in a blank cell spanning
 * two grid columns, drawn out to the table's right edge. The tests read it with `readDocx`.
 */
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const field = (code: string, result = '') =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${esc(code)}</w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result === '' ? '' : run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;

export const paragraph = (text: string, extra = '') => `<w:p>${text.split('\n').map(run).join('<w:r><w:br/></w:r>')}${extra}</w:p>`;
/** A heading as Word writes one with a TC entry for a table of contents built from fields. */
export const tcHeading = (text: string, table: 'A' | 'C') => `<w:p>${run(text)}${field(` TC "${text}" \\f ${table} \\l 1 `)}</w:p>`;

export interface CellSpec {
  text?: string | string[];
  span?: number;
  merge?: 'restart' | 'continue';
}

const cell = (c: CellSpec | string) => {
  const spec = typeof c === 'string' ? { text: c } : c;
  const props = `${spec.span ? `<w:gridSpan w:val="${spec.span}"/>` : ''}${spec.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : spec.merge === 'continue' ? '<w:vMerge/>' : ''}`;
  const texts = spec.text === undefined ? [''] : Array.isArray(spec.text) ? spec.text : [spec.text];
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${texts.map((t) => paragraph(t)).join('')}</w:tc>`;
};
export const table = (rows: (CellSpec | string)[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A table of contents as Word writes it: a TOC field whose shown result, over two paragraphs, repeats the headings. */
export const tocField = () =>
  `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('一、总体绩效目标 1')}</w:p>` +
  `<w:p>${run('1、法律援助绩效目标表 3')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;

export function docxOf(bodyXml: string): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  });
}

export const PLAN_ROWS: (CellSpec | string)[][] = [
  [{ text: '资金支出计划（%）', merge: 'restart' }, '第一季度', '第二季度', '第三季度', '第四季度', { span: 2 }],
  [{ merge: 'continue' }, '20.00', '50.00', '75.00', '100.00', { span: 2 }],
];

/** The published layout, as a county's Word file has it (after the seed, with the variations above). */
export function wordMadeDocx(budgetTotal = '5.00', planRows = PLAN_ROWS): Uint8Array {
  return docxOf(
    [
      tocField(),
      paragraph('第一部分'),
      paragraph('部门整体绩效目标'),
      tcHeading('一、总体绩效目标', 'A'),
      paragraph('2020年我局围绕年初制定的各项目标任务，扎实推进各项工作。'),
      tcHeading('二、分项绩效目标', 'A'),
      paragraph('一、提高全县人民法律意识和法律素质。'),
      paragraph(''),
      paragraph('二、加强机关后勤保障。'),
      tcHeading('三、工作保障措施', 'A'),
      paragraph('一、强化人民调解，在社会矛盾化解上取得新成效。'),
      paragraph('（一）是务实调解组织基础，（二）是不断提升人民调解队伍素质。'),
      paragraph('第二部分'),
      paragraph('预算项目绩效目标'),
      tcHeading('1、法律援助绩效目标表', 'C'),
      paragraph('315002怀来县司法局　　　　单位：万元'),
      table([
        ['项目编码', { text: '315-0105-JBN-2D9U', span: 2 }, '项目名称', { text: '法律援助', span: 2 }],
        [{ text: '预算规模及资金用途', merge: 'restart' }, '预算数', budgetTotal, '其中：财政资金', '5.00'],
        [{ merge: 'continue' }, { text: ['指导、检查法律援助的法律法规和政策的执行；', '办理法律援助案件。'], span: 4 }],
        ...planRows,
        ['绩效目标', { text: ['1、组织法律援助的律师，办理法律援助案件。', '', '2、困难群众得到受益。'], span: 4 }],
        ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
        [{ text: '产出指标', merge: 'restart' }, '数量指标', '', '办理法律援助案件结案率', '≥95', '冀财政法【2019】19号'],
        [{ merge: 'continue' }, '', '', '群众受益率', '100', '受益率'],
        [{ merge: 'continue' }, '时效指标', '', '案件办结时限', '≤30天', '计划标准'],
        ['效果指标', '社会效益指标', '', '社会稳定', '≥95', '结案率'],
        ['', '', '', '减轻经济压力', '≥10', '受益率'],
        ['满意度指标', '服务对象满意度指标', '', '服务对象满意率', '≥90', '满意率'],
      ]),
    ].join(''),
  );
}
