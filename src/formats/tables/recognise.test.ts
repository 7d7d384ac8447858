import { describe, expect, it } from 'vitest';
import { ImportError, type ImportLocation } from '../import-error.ts';
import type { Grid } from './grid.ts';
import { gridOf } from './grid.testing.ts';
import { recogniseTables } from './recognise.ts';

function expectImportError(read: () => unknown, place: Partial<ImportLocation>, message: RegExp): void {
  let error: unknown;
  try {
    read();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).location).toMatchObject(place);
  expect((error as ImportError).message).toMatch(message);
}

const recognise = (grids: Grid | Grid[], year?: number) =>
  recogniseTables({ file: '表.html', tables: Array.isArray(grids) ? grids : [grids] }, year === undefined ? {} : { year });

describe('a project form with a header block', () => {
  const grid = gridOf(
    [
      ['项目名称', '法律援助', '项目编码', '315-0105'],
      ['实施单位', '(315002)怀来县司法局', '主管部门', '怀来县司法局'],
      ['预算数(万元)', '12.50', '其中：财政资金', '12.50'],
      ['绩效指标', '<', '<', '指标值', '指标值确定依据'],
      ['一级', '二级', '三级', '^', '^'],
      ['产出\n指标', '数量\n指标', '办理案件数', '≥200件', '计划标准'],
      ['^', '^', '咨询人次', '≥1000人次', '计划标准'],
      ['^', '质量指标', '结案率', '100%', '历史标准'],
      ['效果指标', '社会效益指标', '', '', ''],
      ['^', '^', '群众法律意识', '提高', '计划标准'],
    ],
    { before: ['怀来县2020年项目绩效目标表'] },
  );

  it('reads label/value pairs, several to a row, and a code-name unit', () => {
    const { documents } = recognise(grid);
    expect(documents).toHaveLength(1);
    const [d] = documents;
    expect(d!.unit).toEqual({ code: '315002', name: '怀来县司法局' });
    expect(d!.year).toBe(2020);
    const p = d!.projects[0]!;
    expect([p.code, p.name, p.department]).toEqual(['315-0105', '法律援助', '怀来县司法局']);
    expect(p.budget).toMatchObject({ total: '12.50', fiscal: '12.50', other: null });
    expect(p.amountUnit).toBe('万元');
  });

  it('reads a heading over two rows, split by spaces and line breaks, and 一级/二级 merged down', () => {
    const p = recognise(grid).documents[0]!.projects[0]!;
    expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.basis])).toEqual([
      ['产出指标', '数量指标', '办理案件数', '≥200件', '计划标准'],
      ['产出指标', '数量指标', '咨询人次', '≥1000人次', '计划标准'],
      ['产出指标', '质量指标', '结案率', '100%', '历史标准'],
      ['效果指标', '社会效益指标', '群众法律意识', '提高', '计划标准'],
    ]);
  });

  it('picks the 2020 form by its 一级 labels and columns', () => {
    expect(recognise(grid).profile.id).toBe('hebei-2020');
  });

  it('takes the year given over the one printed', () => {
    expect(recognise(grid, 2021).documents[0]!.year).toBe(2021);
  });
});

describe('several projects in one file', () => {
  // The unit first: a header block need not start with the project's name.
  const header = (n: number) => [
    ['实施单位', `怀来县司法局`, '预算数', `${n}.00`],
    ['项目名称', `项目${n}`, '项目编码', `315-00${n}`],
  ];
  const indicators = (n: number) => [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', `指标${n}`, `${n}件`],
  ];
  const read = (grids: Grid[]) =>
    recognise(grids, 2020).documents.flatMap((d) =>
      d.projects.map((p) => [d.unit.name, p.code, p.budget.total, p.indicators.map((i) => i.level3)]),
    );

  it('one table each', () => {
    expect(read([gridOf([...header(1), ...indicators(1)]), gridOf([...header(2), ...indicators(2)])])).toEqual([
      ['怀来县司法局', '315-001', '1.00', ['指标1']],
      ['怀来县司法局', '315-002', '2.00', ['指标2']],
    ]);
  });

  it('one after the other in one table', () => {
    expect(read([gridOf([...header(1), ...indicators(1), ...header(2), ...indicators(2)])])).toHaveLength(2);
  });

  it('the header block and the indicators in tables of their own', () => {
    expect(read([gridOf(header(1)), gridOf(indicators(1)), gridOf(header(2)), gridOf(indicators(2))])).toEqual([
      ['怀来县司法局', '315-001', '1.00', ['指标1']],
      ['怀来县司法局', '315-002', '2.00', ['指标2']],
    ]);
  });
});

it('河北 2020: a row with an empty 三级 and its indicator in the 描述 is an indicator still', () => {
  const grid = gridOf([
    ['项目名称', '普法宣传'],
    ['绩效目标', '1、完成普法宣传年度工作任务'],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ['产出指标', '质量指标', '', '普法宣传设备完好率', '≥98%', '项目实施方案'],
    ['^', '成本指标', '', '', '', ''],
  ]);
  const p = recognise(grid).documents[0]!.projects[0]!;
  expect(p.goals).toEqual([{ term: 'annual', text: '完成普法宣传年度工作任务' }]);
  expect(p.indicators.map((i) => [i.level2, i.level3, i.description, i.target])).toEqual([['质量指标', '', '普法宣传设备完好率', '≥98%']]);
});

it("the sample's own table: the unit line, 资金用途 under a label merged down, 资金支出计划, numbered goals", () => {
  const grid = gridOf([
    ['315002怀来县司法局', '<', '<', '<', '<', '单位：万元', '<'],
    ['项目编码', '315-0105-JBN-2D9U', '<', '项目名称', '法律援助', '<', '<'],
    ['预算规模及资金用途', '预算数', '5.00', '其中：财政资金', '5.00', '其他资金', ''],
    ['^', '指导、检查法律援助的法律法规和政策的执行', '<', '<', '<', '<', '<'],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '<', '12月底', '<'],
    ['^', '20.00', '50.00', '75.00', '<', '100.00', '<'],
    ['绩效目标', '1、组织法律援助的律师办理法律援助案件。\n2、困难群众得到受益。', '<', '<', '<', '<', '<'],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '<', '指标值', '指标值确定依据'],
    ['产出指标', '数量指标', '', '办理法律援助案件结案率', '<', '≥95', '结案率'],
    ['效果指标', '社会效益指标', '', '减少不安定因素', '<', '≥95', '结案率'],
  ]);
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('hebei-2020');
  const d = documents[0]!;
  expect(d.unit).toEqual({ code: '315002', name: '怀来县司法局' });
  const p = d.projects[0]!;
  expect(p.useOfFunds).toBe('指导、检查法律援助的法律法规和政策的执行');
  expect(p.spendingPlan).toEqual([
    { checkpoint: '3月底', percent: '20.00' },
    { checkpoint: '6月底', percent: '50.00' },
    { checkpoint: '10月底', percent: '75.00' },
    { checkpoint: '12月底', percent: '100.00' },
  ]);
  expect(p.goals).toEqual([
    { term: 'annual', text: '组织法律援助的律师办理法律援助案件。' },
    { term: 'annual', text: '困难群众得到受益。' },
  ]);
});

it('年度 and 长期 indicator tables one under the other, each named by a row above its headings', () => {
  const grid = gridOf([
    ['项目名称', '法律援助'],
    ['年度绩效指标', '<', '<', '<'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '开展培训', '≥2次'],
    ['长期绩效指标', '<', '<', '<'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '受益人数', '≥2700人'],
  ]);
  const p = recognise(grid, 2021).documents[0]!.projects[0]!;
  expect(p.indicators.map((i) => [i.term, i.level3])).toEqual([
    ['annual', '开展培训'],
    ['longTerm', '受益人数'],
  ]);
});

it('labels in a row of their own over their values', () => {
  const grid = gridOf([
    ['项目名称', '实施单位', '预算数(万元)', '其中：财政资金'],
    ['培训经费', '某培训中心', '12.00', '10.00'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥100人次'],
  ]);
  const d = recognise(grid, 2023).documents[0]!;
  expect([d.unit.name, d.projects[0]!.name, d.projects[0]!.budget.total, d.projects[0]!.budget.fiscal]).toEqual([
    '某培训中心',
    '培训经费',
    '12.00',
    '10.00',
  ]);
});

it('湘潭: an empty 二级-only row is skipped, a label spanning 一级 and 二级 is both, 指标值及单位 in one cell, 250万', () => {
  const grid = gridOf(
    [
      ['填报单位:(盖章) 单位:万元', '<', '<', '<', '<', '<'],
      ['项目支出名称', '雾炮车降尘抑尘服务', '预算部门', '湘潭市环境卫生管理处'],
      ['年度本级 预算金额', '250万', '该项目支出上级资金', '0'],
      ['实施期绩效目标', '全市空气质量达到优良', '<', '<', '<', '<'],
      ['本年度绩效目标', '全市空气质量达到优良', '<', '<', '<', '<'],
      ['本年度 绩效指标', '一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'],
      ['^', '产出指标', '数量指标', '配备车辆数', '10辆', '计划标准'],
      ['^', '^', '^', '风炮射程', '≥80M', '计划标准'],
      ['^', '^', '成本指标', '控制在预算成本内', '250万', '计划标准'],
      ['^', '效益指标', '经济效益指标', '', '', ''],
      ['^', '^', '社会效益指标', '市民对空气质量改善的满意程度', '≥85%', '计划标准'],
      ['^', '^', '生态效益指标', '', '', ''],
      ['^', '社会公众或服务对象满意度指标', '<', '市民满意度', '≥90%', '计划标准'],
      ['财政部门审核意见', '', '<', '<', '<', '<'],
    ],
    { before: ['2023年项目支出绩效目标申报表'] },
  );
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('hunan-xiangtan');
  const p = documents[0]!.projects[0]!;
  expect(documents[0]!.unit.name).toBe('湘潭市环境卫生管理处');
  expect(p.amountUnit).toBe('万元');
  expect(p.budget.total).toBe('250');
  expect(p.goals).toEqual([
    { term: 'longTerm', text: '全市空气质量达到优良' },
    { term: 'annual', text: '全市空气质量达到优良' },
  ]);
  expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
    ['产出指标', '数量指标', '配备车辆数', '10辆'],
    ['产出指标', '数量指标', '风炮射程', '≥80M'],
    ['产出指标', '成本指标', '控制在预算成本内', '250万'],
    ['效益指标', '社会效益指标', '市民对空气质量改善的满意程度', '≥85%'],
    ['社会公众或服务对象满意度指标', '社会公众或服务对象满意度指标', '市民满意度', '≥90%'],
  ]);
  expect(p.indicators[0]!.basis).toBe('计划标准');
});

it('乌海: 一级 repeated on every row in no order, 正向/反向 under 指标性质 as the direction, the sign under 指标方向, points in the block label', () => {
  const grid = gridOf(
    [
      ['项目名称', '再生资源回收市场管理经费'],
      ['项目类别', '(31)部门预算项目'],
      ['主管部门', '(433)乌海市供销合作社联合社(部门)'],
      ['实施单位', '(433001)乌海市供销合作社联合社'],
      ['投入目标 (万元)', '资金来源', '年初安排金额(万元)'],
      ['^', '资金总额', '3'],
      ['^', '其中: 财政拨款数', '3'],
      ['^', '其他资金', '0'],
      [
        '绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '指标方向',
        '目标值',
        '计量单位',
        '分值',
        '备注',
      ],
      ['^', '产出指标', '数量指标', '出差人次', '正向', '=', '24', '人/次', '4', ''],
      ['^', '效益指标', '社会效益指标', '资源利用', '正向', '=', '100', '%', '30', ''],
      ['^', '产出指标', '成本指标', '出差单位成本', '反向', '=', '0', '万元/人', '4', ''],
      ['^', '产出指标', '数量指标', '出差人数', '正向', '=', '8', '', '4', ''],
    ],
    { before: ['再生资源回收市场管理经费项目绩效目标表', '(2021年)'] },
  );
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('neimenggu-wuhai');
  expect(profile.totalPoints).toBe('90');
  const d = documents[0]!;
  expect(d.unit).toEqual({ code: '433001', name: '乌海市供销合作社联合社' });
  expect(d.year).toBe(2021);
  const p = d.projects[0]!;
  expect([p.department, p.category]).toEqual(['(433)乌海市供销合作社联合社(部门)', '(31)部门预算项目']);
  expect(p.budget).toMatchObject({ total: '3', fiscal: '3', other: '0' });
  expect(p.indicators.map((i) => [i.level1, i.level2, i.level3, i.nature, i.direction, i.target, i.measureUnit, i.weight])).toEqual([
    ['产出指标', '数量指标', '出差人次', '=', '正向', '=24人/次', '人/次', '4'],
    ['效益指标', '社会效益指标', '资源利用', '=', '正向', '=100%', '%', '30'],
    ['产出指标', '成本指标', '出差单位成本', '=', '反向', '=0万元/人', '万元/人', '4'],
    ['产出指标', '数量指标', '出差人数', '=', '正向', '=8', null, '4'],
  ]);
});

it('重庆: a key/value header block and 一级 labels carrying their score range', () => {
  const grid = gridOf([
    ['项目名称', '城区道路维护', '项目分类', '一般性项目'],
    ['建设周期', '2023-2025', '业务主管部门', '重庆市城市管理局'],
    ['项目负责人', '张三', '联系电话', '023-12345678'],
    ['项目审批文号', '渝城管发〔2023〕1号', '财政资金科目代码', '2120399'],
    ['实施单位', '重庆市市政设施管理处', '预算数(万元)', '24,268.22'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['成本指标(0-20)分', '经济成本指标', '单位维护成本', '≤120元/平方米'],
    ['产出\n指标\n(60分)', '数量指标', '维护面积', '≥30万平方米'],
    ['^', '质量指标', '', ''],
    ['^', '^', '验收合格率', '100%'],
  ]);
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('chongqing-approval');
  const p = documents[0]!.projects[0]!;
  expect([p.category, p.constructionPeriod, p.department, p.manager, p.approvalNumber, p.subjectCode]).toEqual([
    '一般性项目',
    '2023-2025',
    '重庆市城市管理局',
    '张三',
    '渝城管发〔2023〕1号',
    '2120399',
  ]);
  expect(p.budget.total).toBe('24268.22');
  expect(p.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
    ['成本指标', '经济成本指标', '单位维护成本'],
    ['产出指标', '数量指标', '维护面积'],
    ['产出指标', '质量指标', '验收合格率'],
  ]);
});

it('a plain table of the four common columns follows the framework of its year, not a provincial form', () => {
  const grid = (level1: string) =>
    gridOf([
      ['项目名称', '某项目', '实施单位', '某单位'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      [level1, '数量指标', '培训人次', '≥100人次'],
    ]);
  expect(recognise(grid('产出指标'), 2023).profile.id).toBe('mof-2021');
  expect(recognise(grid('产出指标'), 2020).profile.id).toBe('hebei-2020');
});

it('四川 申报表: many projects in one flat sheet in 元 with thousands separators, a department line first, code-name cells', () => {
  const grid = gridOf(
    [
      ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['301-四川省教育厅', '', '4,309,840.00', '', '', '', '', ''],
      [
        '301001-四川省教育厅本级',
        '51000021R000000019951-工资性支出',
        '3,309,840.00',
        '保障工资足额发放',
        '产出指标',
        '数量指标',
        '发放人数',
        '≥120人',
      ],
      ['^', '^', '^', '^', '效益指标', '社会效益指标', '保障率', '100%'],
      ['^', '^', '^', '^', '产出指标', '时效指标', '按月发放', '12月底前'],
      [
        '301002-四川省教育考试院',
        '51000023T000000000001-考务经费',
        '1,000,000',
        '完成考试组织',
        '产出指标',
        '数量指标',
        '考试场次',
        '≥4场',
      ],
      ['^', '^', '^', '^', '满意度指标', '服务对象满意度指标', '考生满意度', '≥90%'],
    ],
    { before: ['2024年项目支出绩效目标申报表', '单位：元'] },
  );
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('sichuan-application');
  expect(documents.map((d) => [d.unit.code, d.unit.name, d.year])).toEqual([
    ['301001', '四川省教育厅本级', 2024],
    ['301002', '四川省教育考试院', 2024],
  ]);
  const [a, b] = documents.map((d) => d.projects[0]!);
  expect([a!.code, a!.name, a!.amountUnit, a!.budget.total, a!.department]).toEqual([
    '51000021R000000019951',
    '工资性支出',
    '元',
    '3309840.00',
    '301-四川省教育厅',
  ]);
  expect(a!.goals).toEqual([{ term: 'annual', text: '保障工资足额发放' }]);
  expect(a!.indicators.map((i) => i.level1)).toEqual(['产出指标', '效益指标', '产出指标']);
  expect([b!.code, b!.budget.total, b!.indicators.length]).toEqual(['51000023T000000000001', '1000000', 2]);
});

it('宁德: a 部门整体 table gives the department its funds, 年度总体目标, 年度履职目标 and indicators', () => {
  const grid = gridOf(
    [
      ['部门整体支出绩效目标表', '<', '<', '<', '<', '<'],
      ['部门(单位)名称', '中共宁德市委党史和地方志研究室', '<', '部门预算编码', '901001033', '<'],
      ['年度\n预算\n安排\n(万元)', '资金总额', '171.41', '', '', ''],
      ['^', '项目支出', '60.8', '', '', ''],
      ['^', '基本支出', '110.61', '', '', ''],
      ['年度\n总体\n目标', '目标1:确保本室各人员工资及福利的发放;', '<', '<', '<', '<'],
      ['年度\n履职\n目标', '部门职能', '年度目标任务', '支出项目名称', '预算金额(万元)', '<'],
      ['^', '组织、指导、编纂地方志', '确保完成2019年度任务', '地情、市志编纂与年鉴出版经费', '49.8', '<'],
      ['^', '确保日常工作正常运行', '按时发放人员工资', '基本支出', '171.41', '<'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标解释', '目标值'],
      ['^', '产出指标', '数量指标', '资金的供应时效', '100%(历史标准)', '100%'],
      ['^', '^', '质量指标', '各类书籍审稿率', '100%(计划标准)', '1'],
    ],
    { before: ['2019年度)'] },
  );
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('fujian-ningde-department');
  const d = documents[0]!;
  expect(d.unit).toEqual({ code: '901001033', name: '中共宁德市委党史和地方志研究室' });
  expect(d.year).toBe(2019);
  expect(d.projects).toEqual([]);
  expect(d.department!.funds).toEqual({ amountUnit: '万元', total: '171.41', project: '60.8', basic: '110.61' });
  expect(d.department!.overallGoal).toBe('目标1:确保本室各人员工资及福利的发放;');
  expect(d.department!.duties).toEqual([
    { duty: '组织、指导、编纂地方志', task: '确保完成2019年度任务', projectName: '地情、市志编纂与年鉴出版经费', amount: '49.8' },
    { duty: '确保日常工作正常运行', task: '按时发放人员工资', projectName: '基本支出', amount: '171.41' },
  ]);
  expect(d.department!.indicators!.map((i) => [i.level2, i.level3, i.explanation, i.target])).toEqual([
    ['数量指标', '资金的供应时效', '100%(历史标准)', '100%'],
    ['质量指标', '各类书籍审稿率', '100%(计划标准)', '1'],
  ]);
});

it('a 部门整体 table and a project table of the same unit make one document', () => {
  const department = gridOf(
    [
      ['部门(单位)名称', '某局', '部门预算编码', '901001'],
      ['年度预算安排(万元)', '资金总额', '10'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['^', '产出指标', '数量指标', '服务人次', '≥100人次'],
    ],
    { before: ['部门整体支出绩效目标表'] },
  );
  const project = gridOf([
    ['项目名称', '某项目', '实施单位', '某局'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥100人次'],
  ]);
  const { documents } = recognise([department, project], 2023);
  expect(documents.map((d) => [d.unit, d.department?.funds?.total, d.projects.map((p) => p.name)])).toEqual([
    [{ code: '901001', name: '某局' }, '10', ['某项目']],
  ]);
});

it('东莞: 中期 and 年度 indicator sets side by side, 中期 and 年度 goals and budgets', () => {
  const grid = gridOf(
    [
      ['项目 名称', '镇际联网路升级改造工程一期', '<', '中期市财政预算(万元)', '284500.00', '本年度申请市财政预算资金(万元)', '919.00'],
      ['总体目标', '中期滚动目标(2019年--2021年)', '<', '<', '年度目标', '<', '<'],
      ['^', '新建或改造道路29个', '<', '<', '完成3个项目补助尾款结算', '<', '<'],
      ['绩效指标', '一级 指标', '二级 指标', '三级 指标', '指标值(或计划水平)', '二级 指标', '三级 指标', '计划指标值(或计划水平)'],
      ['^', '预期产出指标', '数量指标(或建筑规模指标)', '完成结算项目数', '29', '数量指标(或建筑规模指标)', '完成结算项目数', '3'],
      ['^', '^', '质量指标', '结算误差率', '±3%以内', '质量指标', '结算误差率', '±3%以内'],
      ['^', '效果指标', '社会、经济、生态效益 指标', '结算争议率', '0%', '', '', ''],
    ],
    { before: ['东莞市财政项目支出绩效目标批复表', '( 2019 年度)', '预算单位:东莞市交通运输局'] },
  );
  const { documents, profile } = recognise(grid);
  expect(profile.id).toBe('guangdong-dongguan-approval');
  const d = documents[0]!;
  expect([d.unit.name, d.year]).toEqual(['东莞市交通运输局', 2019]);
  const p = d.projects[0]!;
  expect(p.budget).toMatchObject({ total: '919.00', mediumTerm: '284500.00' });
  expect(p.goals).toEqual([
    { term: 'longTerm', text: '新建或改造道路29个' },
    { term: 'annual', text: '完成3个项目补助尾款结算' },
  ]);
  expect(p.indicators.map((i) => [i.term, i.level1, i.level2, i.level3, i.target])).toEqual([
    ['longTerm', '预期产出指标', '数量指标(或建筑规模指标)', '完成结算项目数', '29'],
    ['longTerm', '预期产出指标', '质量指标', '结算误差率', '±3%以内'],
    ['longTerm', '效果指标', '社会、经济、生态效益 指标', '结算争议率', '0%'],
    ['annual', '预期产出指标', '数量指标(或建筑规模指标)', '完成结算项目数', '3'],
    ['annual', '预期产出指标', '质量指标', '结算误差率', '±3%以内'],
  ]);
});

describe('四川 自评表', () => {
  const rows = [
    ['报表编号:510000_0013zp', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['部门预算项目支出绩效自评表(2023年度)', '<', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['项目名称', '51000021R000000019951-工资性支出', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['主管部门', '青神县发展和改革局本级', '<', '<', '<', '实施单位 (盖章)', '青神县发展和改革局', '<', '<', '<', '<'],
    ['项目基本情况', '1.项目年度目标完成情况', '项目年度目标', '<', '<', '<', '年度目标完成情况', '<', '<', '<', '<'],
    [
      '^',
      '^',
      '严格执行相关政策,保障工资及时、足额发放',
      '<',
      '<',
      '<',
      '对照年度目标,说明相关任务目标的完成情况(100字以内)',
      '<',
      '<',
      '<',
      '<',
    ],
    ['预算执行情况(10分)', '年度预算数(万元)', '<', '年初预算', '调整后预算数', '预算执行数', '预算执行率', '权重', '得分', '原因', '<'],
    [
      '^',
      '总额',
      '<',
      '238.93',
      '251.89',
      '251.89',
      '100.00%',
      '10',
      '9.5',
      '1.预算执行率=预算执行数/调整后预算数,未达到90%的需说明原因(100字以内)',
      '<',
    ],
    ['^', '其中:财政资金', '<', '238.93', '251.89', '251.89', '100.00%', '/', '/', '', '<'],
    ['^', '财政专户管理资金', '<', '0.00', '0.00', '0.00', '0.00%', '/', '/', '', '<'],
    ['^', '其他资金', '<', '', '', '', '', '/', '/', '', '<'],
    ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '完成值', '权重', '得分', '未完成原因分析'],
    ['^', '产出指标', '数量指标', '发放(缴纳)覆盖率', '=', '100', '%', '100%', '60', '60', ''],
    ['^', '效益指标', '社会效益指标', '足额保障率(参保率)', '≥', '95', '%', '90%', '30', '25', '个别人员参保延迟'],
    ['合计', '<', '<', '<', '<', '<', '<', '<', '100', '', ''],
    ['评价结论', '资金按时足额发放,自评得分94.5分。', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['存在问题', '结合自评情况,分析存在的问题及原因。(200字以内)', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['改进措施', '', '<', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['项目负责人:', '<', '<', '<', '<', '财务负责人:', '<', '<', '<', '<', '<'],
  ];

  it('is the target document with its weights, the sign, value and unit read as one', () => {
    const { documents, profile } = recognise(gridOf(rows));
    expect(profile.id).toBe('sichuan-self-evaluation');
    const d = documents[0]!;
    expect([d.unit.name, d.year]).toEqual(['青神县发展和改革局', 2023]);
    const p = d.projects[0]!;
    expect([p.code, p.name, p.department]).toEqual(['51000021R000000019951', '工资性支出', '青神县发展和改革局本级']);
    expect(p.budget).toEqual({ total: '238.93', fiscal: '238.93', other: null, sources: [{ name: '财政专户管理资金', amount: '0.00' }] });
    expect(p.goals).toEqual([{ term: 'annual', text: '严格执行相关政策,保障工资及时、足额发放' }]);
    expect(p.indicators.map((i) => [i.level1, i.level3, i.nature, i.target, i.measureUnit, i.weight])).toEqual([
      ['产出指标', '发放(缴纳)覆盖率', '=', '=100%', '%', '60'],
      ['效益指标', '足额保障率(参保率)', '≥', '≥95%', '%', '30'],
    ]);
  });

  it('gives the actuals: 完成值 at the year end, 预算执行数 as spending, the scores, and the closing paragraphs with the printed instructions marked', () => {
    const { actuals } = recognise(gridOf(rows));
    expect(actuals!.projects).toHaveLength(1);
    const a = actuals!.projects[0]!;
    expect(a.projectCode).toBe('51000021R000000019951');
    expect(a.adjustedBudget).toBe('251.89');
    expect(a.spending).toEqual([{ date: '2023-12-31', cumulative: '251.89', note: '' }]);
    expect(a.values).toEqual([
      { index: 1, date: '2023-12-31', value: '100%', note: '' },
      { index: 2, date: '2023-12-31', value: '90%', note: '' },
    ]);
    expect(a.evaluation.map((n) => [n.index, n.score, n.analysis])).toEqual([
      [null, '9.5', ''],
      [1, '60', ''],
      [2, '25', '个别人员参保延迟'],
    ]);
    expect(a.results).toBe('');
    expect(a.statements).toEqual([
      { kind: 'results', text: '对照年度目标,说明相关任务目标的完成情况(100字以内)', instruction: true },
      { kind: 'conclusion', text: '资金按时足额发放,自评得分94.5分。', instruction: false },
      { kind: 'problems', text: '结合自评情况,分析存在的问题及原因。(200字以内)', instruction: true },
      { kind: 'budgetAnalysis', text: '1.预算执行率=预算执行数/调整后预算数,未达到90%的需说明原因(100字以内)', instruction: true },
    ]);
  });

  it('in 元, gives the actuals in 万元 exactly', () => {
    const inYuan = rows.map((r) =>
      r.map((c) => ({ '年度预算数(万元)': '年度预算数(元)', '251.89': '2,518,900.01', '238.93': '2,389,300' })[c] ?? c),
    );
    const { documents, actuals } = recognise(gridOf(inYuan));
    expect(documents[0]!.projects[0]!.amountUnit).toBe('元');
    expect(documents[0]!.projects[0]!.budget.total).toBe('2389300');
    expect(actuals!.projects[0]!.spending[0]!.cumulative).toBe('251.890001');
  });

  it('without a year, cannot date the actual values', () => {
    const undated = rows.map((r) => r.map((c) => c.replace('(2023年度)', '')));
    expectImportError(() => recognise(gridOf(undated)), { file: '表.html' }, /预算年度/);
    expect(recognise(gridOf(undated), 2023).actuals!.projects[0]!.spending[0]!.date).toBe('2023-12-31');
  });
});

describe('what cannot be read is refused, naming the place', () => {
  it('refuses header-block text that is neither a field it knows nor a value, rather than drop it', () => {
    const rows = (third: string[]) =>
      gridOf([
        ['项目名称', '某项目', '项目负责人', '李四'],
        third,
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人次', '≥100人次'],
      ]);
    expectImportError(
      () => recognise(rows(['项目绩效承诺人', '王五', '项目分类', '一般性项目'])),
      { tableName: '表 1', cell: 'A2' },
      /「项目绩效承诺人」不是已知的栏目/,
    );
    expectImportError(() => recognise(rows(['项目绩效承诺人', '王五', '', ''])), { cell: 'A2' }, /「项目绩效承诺人」不是已知的栏目/);
    // A clerk's telephone is read past: the model keeps no telephone numbers.
    expect(recognise(rows(['联系电话', '023-12345678', '项目分类', '一般性项目'])).documents[0]!.projects[0]!.category).toBe('一般性项目');
  });

  const table = (rows: string[][]) => gridOf([['项目名称', '某项目'], ['一级指标', '二级指标', '三级指标', '指标值'], ...rows]);

  it('an unknown layout names the headings found and the ones needed', () => {
    const grid = gridOf([
      ['项目名称', '某项目'],
      ['绩效目标', '评价指标', '绩效内容', '全年目标'],
      ['投入', '成本目标', '目标1', '100%'],
    ]);
    expectImportError(
      () => recognise(grid),
      { file: '表.html', tableName: '表 1', cell: 'A2' },
      /找到的栏目为「绩效目标」「评价指标」.*需要「一级指标」「二级指标」「三级指标」「指标值」/,
    );
  });

  it('text under a column the table does not name', () => {
    const grid = gridOf([
      ['一级指标', '二级指标', '三级指标', '指标值', '审核人'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', '李四'],
    ]);
    expectImportError(() => recognise(grid), { cell: 'E2', field: '审核人' }, /「李四」无法归入指标表/);
  });

  it('an indicator before any 一级', () => {
    expectImportError(() => recognise(table([['', '数量指标', '培训人次', '≥100人次']])), { cell: 'C3' }, /「培训人次」之前没有一级指标/);
    expectImportError(() => recognise(table([['', '数量指标', '', '≥100人次']])), { cell: 'D3' }, /「≥100人次」之前没有一级指标/);
  });

  it('a weight that is not a number', () => {
    const grid = gridOf([
      ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', '十分'],
    ]);
    expectImportError(() => recognise(grid), { cell: 'E2' }, /「十分」不是数字/);
  });

  it('a weight or score marked "/" (not to be filled) is no number, and no error', () => {
    const grid = gridOf([
      ['一级指标', '二级指标', '三级指标', '指标值', '权重', '得分', '完成值'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', '/', '/', '120人次'],
    ]);
    expect(recognise(grid, 2023).documents[0]!.projects[0]!.indicators[0]!.weight).toBeNull();
  });

  it('an amount that does not parse, or is printed in the other unit', () => {
    const form = (total: string) =>
      gridOf([
        ['单位：元'],
        ['项目名称', '某项目', '预算数', total],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人次', '≥100人次'],
      ]);
    expectImportError(() => recognise(form('约十万')), { cell: 'D2' }, /「约十万」不是金额（单位：元）/);
    expectImportError(() => recognise(form('25万')), { cell: 'D2' }, /「25万」不是金额（单位：元）/);
    expect(recognise(form('1,250,000.50')).documents[0]!.projects[0]!.budget.total).toBe('1250000.50');
  });

  it('a 部门整体 self-evaluation, whose actual values the model cannot hold yet', () => {
    const grid = gridOf(
      [
        ['部门(单位)名称', '中共宁德市委党史和地方志研究室', '部门预算编码', '901001033'],
        ['一级 指标', '二级 指标', '三级指标', '指标解释', '绩效目标值', '实际完成值', '指标分值', '得分'],
        ['产出 指标 (60分)', '数量 指标', '指标1', '按月发放员工工资', '100%', '100%', '10', '10'],
      ],
      { before: ['部门整体支出绩效自评表', '(2018年度)'] },
    );
    expectImportError(() => recognise(grid), { file: '表.html' }, /部门整体支出绩效自评表尚不能导入/);
  });

  it('headings with no rows under them', () => {
    expectImportError(() => recognise(table([])), { cell: 'A2' }, /只有表头/);
  });
});
