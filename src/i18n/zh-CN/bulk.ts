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

  /** 管理页面：上传单位表。 */
  upload: {
    button: '导入单位表',
    title: '从单位表批量建立财政部门和预算单位',
    hint: 'CSV 或 XLSX，表头：编码,名称,上级编码,类型（财政部门 或 预算单位；顶层财政部门的上级编码留空）。全部建立或全部不建立；已有的编码保持不变。',
    drop: '拖入单位表，或点击选择文件',
    reading: '正在导入……',
  },
  command: {
    description: '把绩效目标文件（jixiao import 能读的任何格式）直接装入数据库，每个文件全部装入或全部不装；用于一次装入一个县或一个省',
    unitsOption: '单位表（CSV 或 XLSX，表头：编码,名称,上级编码,类型），先建立其中的财政部门和预算单位',
    statusOption: '装入后的状态：draft（草稿，默认）、submitted、approved 或 published',
    bureauOption: '文档所写的单位不存在时，在这个财政部门（编码）下新建',
    databaseOption: 'PostgreSQL 连接地址（同 --database-url）',
    badStatus: (value: string) => `状态应为 draft、submitted、approved 或 published，而不是“${value}”`,
    unknownBureau: (code: string) => `没有编码为“${code}”的财政部门`,
    whileServing: '服务器正在使用这个数据目录：请先停止服务器再装入（或装入 PostgreSQL）',
    units: (bureaus: number, units: number, existing: number) =>
      `单位表：新建 ${bureaus} 个财政部门、${units} 个预算单位，${existing} 个已存在`,
    unitsFailed: '单位表有误，未装入任何内容',
    done: (files: number, documents: number, projects: number, seconds: string, rate: number) =>
      `已装入 ${files} 个文件：${documents} 个文档，${projects} 个项目，用时 ${seconds} 秒（每秒 ${rate} 个项目）`,
    failed: (count: number) => `${count} 个文件未装入（见上）；其余文件已装入`,
  },
};
