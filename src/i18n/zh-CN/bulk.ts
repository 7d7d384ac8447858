/** 批量装载：单位表（财政部门与预算单位的树）和 jixiao load 命令的文字。 */
export const bulk = {
  unitsFile: {
    columns: { code: '编码', name: '名称', parent: '上级编码', kind: '类型' },
    empty: '文件中没有数据（第一行应为表头：编码,名称,上级编码,类型）',
    missingColumns: (names: readonly string[]) => `表头缺少列：${names.join('、')}（表头应为：编码,名称,上级编码,类型）`,
    required: '不能为空',
    badCode: (code: string) => `编码“${code}”不能含空格`,
    badKind: (text: string) => `“${text}”不是类型（财政部门 或 预算单位）`,
    duplicate: (code: string, line: string) => `编码“${code}”已在${line}出现`,
    unitWithoutParent: '预算单位须填写所属财政部门的编码',
    unknownParent: (code: string) => `上级编码“${code}”既不在本文件的财政部门中，也不是已有的财政部门`,
    cycle: (code: string) => `财政部门“${code}”的上级关系成环`,
    moved: (code: string, parent: string) => `“${code}”已存在，上级为“${parent}”；批量导入不移动已有的财政部门或单位`,
    noRows: '文件中没有单位或财政部门',
  },
  load: {
    unknownUnit: (code: string) => `单位编码“${code}”不是已有的单位，也不在单位表中（或用 --bureau 指定新单位所属的财政部门）`,
    noUnitCode: (name: string) => `“${name}”的文档没有写明单位编码，无法确定装入哪个单位`,
    noYear: (code: string) => `单位“${code}”的文档没有预算年度（用 --year 指定）`,
    exists: (code: string, year: number) => `单位“${code}”已有 ${year} 年度的文档`,
    twice: (code: string, year: number) => `单位“${code}”的 ${year} 年度文档在本文件中出现了不止一次`,
    reviewErrors: (code: string, count: number, first: string) =>
      `单位“${code}”的文档有 ${count} 个审核错误，不能以已提交之后的状态装入（第一个：${first}）`,
  },
};
