/**
 * A province's history for the suggestions benchmark (issue 15), written straight into the database
 * by set-based SQL: counties × the same 34 kinds of budget unit (司法局, 公安局, a 中学, a 医院 …)
 * × 3 years × 10 projects × 10 indicator rows — 3 million rows at 300 counties. Each kind of unit
 * has its own project topics (法律援助, 社区矫正 …) named with the suffixes real budgets use
 * (业务经费, 专项经费), and each project the rows such a project writes: the framework's 服务对象满意度
 * and 资金支出进度 beside its topic's 覆盖率, 数量, 知晓率 …, their targets varying by county within a
 * few values. So peers exist across counties, and a family is as wide as a province makes it.
 *
 * Statuses: 2019 and 2020 published (one county in ten merely approved), 2021 approved (one unit in
 * five still a draft). The history tables of migration 0016 are then built by rebuildLibrary.
 */
import { sql, type Kysely } from 'kysely';
import { level1KindOf, level2KindOf } from '../src/core/framework/framework.ts';
import { familyKey } from '../src/core/library/family-key.ts';
import type { Indicator } from '../src/core/model/document.ts';
import { parseTargetValue } from '../src/core/target-value/parse.ts';
import type { Database } from '../src/store/schema.ts';

export const YEARS = [2019, 2020, 2021] as const;
export const PROJECTS_PER_UNIT = 10;
export const ROWS_PER_PROJECT = 10;

/** The kinds of unit every county has, with their projects' topics. */
export const UNIT_KINDS: ReadonlyArray<{ name: string; topics: readonly string[] }> = [
  { name: '司法局', topics: ['法律援助', '人民调解', '社区矫正', '普法宣传', '公共法律服务'] },
  { name: '公安局', topics: ['治安防控', '交通管理', '户籍管理', '禁毒宣传', '消防安全'] },
  { name: '人民法院', topics: ['审判执行', '诉讼服务', '司法救助', '法庭建设', '信息化建设'] },
  { name: '人民检察院', topics: ['公益诉讼', '检察监督', '未成年人检察', '案件管理', '信息化建设'] },
  { name: '教育局', topics: ['义务教育', '学前教育', '教师培训', '学生资助', '校舍维修'] },
  { name: '第一中学', topics: ['教学设备', '学生资助', '教师培训', '校园安全', '实验室建设'] },
  { name: '实验小学', topics: ['教学设备', '营养改善', '校园安全', '图书购置', '教师培训'] },
  { name: '科学技术局', topics: ['科技创新', '科普宣传', '成果转化', '高新技术企业培育', '科技特派员'] },
  { name: '文化广电和旅游局', topics: ['文化惠民', '非遗保护', '旅游推广', '广播电视覆盖', '文物保护'] },
  { name: '图书馆', topics: ['图书购置', '阅读推广', '数字资源', '流动服务', '古籍保护'] },
  { name: '卫生健康局', topics: ['公共卫生服务', '疾病预防控制', '妇幼健康', '家庭医生签约', '卫生应急'] },
  { name: '人民医院', topics: ['医疗设备购置', '重点专科建设', '医疗救治', '人才培养', '信息化建设'] },
  { name: '疾病预防控制中心', topics: ['免疫规划', '传染病防控', '慢性病防控', '健康教育', '实验室检测'] },
  { name: '医疗保障局', topics: ['医疗救助', '医保基金监管', '异地就医', '医保信息化', '长期护理保险'] },
  { name: '民政局', topics: ['最低生活保障', '特困人员供养', '养老服务', '社会救助', '殡葬改革'] },
  { name: '残疾人联合会', topics: ['残疾人康复', '残疾人就业', '辅助器具', '残疾儿童救助', '无障碍改造'] },
  { name: '人力资源和社会保障局', topics: ['就业培训', '创业扶持', '社会保险', '劳动监察', '人才引进'] },
  { name: '就业服务中心', topics: ['就业培训', '公益性岗位', '招聘服务', '创业担保贷款', '高校毕业生就业'] },
  { name: '农业农村局', topics: ['高标准农田', '农业技术推广', '动物防疫', '农村人居环境', '农产品质量安全'] },
  { name: '畜牧兽医站', topics: ['动物防疫', '疫病监测', '畜禽养殖', '兽药监管', '饲料安全'] },
  { name: '乡村振兴局', topics: ['产业帮扶', '小额信贷', '雨露计划', '易地搬迁后续扶持', '驻村帮扶'] },
  { name: '林业和草原局', topics: ['森林防火', '植树造林', '林业有害生物防治', '草原保护', '湿地保护'] },
  { name: '国有林场', topics: ['森林抚育', '森林防火', '苗木培育', '护林巡护', '林区道路'] },
  { name: '水利局', topics: ['农田水利', '河道治理', '水土保持', '农村饮水安全', '防汛抗旱'] },
  { name: '水库管理处', topics: ['水库维修养护', '大坝安全监测', '防汛抗旱', '水质监测', '灌区改造'] },
  { name: '交通运输局', topics: ['道路养护', '农村公路建设', '客运补贴', '桥梁维修', '交通安全'] },
  { name: '公路管理站', topics: ['道路养护', '桥梁维修', '路政管理', '安全设施', '应急保通'] },
  { name: '住房和城乡建设局', topics: ['棚户区改造', '农村危房改造', '老旧小区改造', '城市燃气安全', '建筑市场监管'] },
  { name: '城市管理综合行政执法局', topics: ['环境卫生', '市政设施维护', '园林绿化', '违法建设治理', '路灯维护'] },
  { name: '生态环境分局', topics: ['大气污染防治', '水污染防治', '环境监测', '土壤污染防治', '环境执法'] },
  { name: '财政局', topics: ['预算绩效管理', '财政信息化', '国有资产管理', '政府采购监管', '会计监督'] },
  { name: '审计局', topics: ['审计项目', '审计信息化', '审计人员培训', '经济责任审计', '专项审计'] },
  { name: '统计局', topics: ['统计调查', '人口普查', '经济普查', '统计信息化', '统计执法'] },
  { name: '应急管理局', topics: ['安全生产监管', '应急救援', '防灾减灾', '应急物资储备', '应急演练'] },
];

const SUFFIXES = ['业务经费', '专项经费'] as const;
const CATEGORIES = ['(31)部门预算项目', '(32)专项资金项目', '(33)民生项目'] as const;
const SYLLABLES = ['安', '平', '宁', '永', '新', '长', '丰', '广', '和', '清', '兴', '富', '德', '阳', '山', '河', '东', '西', '南', '北'];

/** A county's name, distinct for the first 8,000: 安平县, 安宁县 … */
export const countyName = (i: number) =>
  `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${i >= 400 ? SYLLABLES[Math.floor(i / 400) % 20] : ''}县`;

/** The rows a project of a topic writes, each with the targets counties vary between. */
function templates(topic: string): Array<{ level1: string; level2: string; level3: string; targets: readonly string[] }> {
  return [
    { level1: '产出指标', level2: '数量指标', level3: `${topic}数量`, targets: ['≥100次', '≥120次', '≥150次', '≥200次'] },
    { level1: '产出指标', level2: '数量指标', level3: `${topic}服务人数`, targets: ['≥500人', '≥800人', '≥1000人', '≥1200人'] },
    { level1: '产出指标', level2: '质量指标', level3: `${topic}覆盖率`, targets: ['≥90%', '≥95%', '100%', '≥98%'] },
    { level1: '产出指标', level2: '质量指标', level3: `${topic}完成率`, targets: ['≥95%', '100%', '≥98%', '≥90%'] },
    { level1: '产出指标', level2: '时效指标', level3: '资金支出进度', targets: ['≥90%', '≥95%', '100%', '≥85%'] },
    { level1: '产出指标', level2: '时效指标', level3: `${topic}按时完成率`, targets: ['100%', '≥95%', '≥98%', '100%'] },
    { level1: '成本指标', level2: '经济成本指标', level3: `${topic}成本`, targets: ['≤50万元', '≤80万元', '≤100万元', '≤120万元'] },
    { level1: '效益指标', level2: '社会效益指标', level3: `${topic}社会知晓率`, targets: ['≥80%', '≥85%', '≥90%', '≥75%'] },
    { level1: '效益指标', level2: '社会效益指标', level3: `${topic}工作水平`, targets: ['明显提升', '有所提升', '明显提升', '稳步提升'] },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', targets: ['≥90%', '≥95%', '≥85%', '≥92%'] },
  ];
}

export interface GeneratedSize {
  counties: number;
  units: number;
  documents: number;
  projects: number;
  indicators: number;
}

/** Writes the province's history (see the module's comment); returns what it wrote. */
export async function generateHistory(db: Kysely<Database>, counties: number): Promise<GeneratedSize> {
  // Each kind's projects: topic by position, a suffix for the second five.
  const projectNames: Array<{ kind: number; position: number; topic: number; name: string; category: string }> = [];
  const topics: string[] = [];
  UNIT_KINDS.forEach((kind, k) =>
    kind.topics.forEach((topic) => {
      const t = topics.length;
      topics.push(topic);
      SUFFIXES.forEach((suffix, s) => {
        const position = projectNames.filter((p) => p.kind === k).length;
        projectNames.push({ kind: k, position, topic: t, name: `${topic}${suffix}`, category: CATEGORIES[(t + s) % CATEGORIES.length]! });
      });
    }),
  );
  // Each topic's rows: 10 positions × 4 variants, each variant read as the store reads a row.
  const variants: Array<Record<string, string | number | null>> = [];
  topics.forEach((topic, t) =>
    templates(topic).forEach((tpl, position) =>
      tpl.targets.forEach((target, v) => {
        const parsed = parseTargetValue(target);
        const row = { term: 'annual', level1: tpl.level1, level2: tpl.level2, level3: tpl.level3, description: '', target } as Indicator;
        variants.push({
          topic: t,
          position,
          v,
          level1: tpl.level1,
          level2: tpl.level2,
          level3: tpl.level3,
          target,
          level1_kind: level1KindOf(tpl.level1),
          level2_kind: level2KindOf(tpl.level2),
          target_kind: parsed.kind,
          target_operator: parsed.kind === 'quantitative' ? parsed.operator : null,
          target_value: parsed.kind === 'quantitative' ? parsed.value : null,
          target_unit: parsed.kind === 'quantitative' ? parsed.unit : null,
          family_key: familyKey(row, parsed),
        });
      }),
    ),
  );
  const column = <T>(rows: ReadonlyArray<Record<string, unknown>>, key: string) => rows.map((r) => r[key] as T);

  await sql`CREATE TEMP TABLE bench_kinds AS SELECT * FROM unnest(${UNIT_KINDS.map((_, i) => i)}::int[], ${UNIT_KINDS.map((k) => k.name)}::text[]) AS k(kind, name)`.execute(
    db,
  );
  await sql`CREATE TEMP TABLE bench_projects AS SELECT * FROM unnest(${column<number>(projectNames, 'kind')}::int[],
    ${column<number>(projectNames, 'position')}::int[], ${column<number>(projectNames, 'topic')}::int[],
    ${column<string>(projectNames, 'name')}::text[], ${column<string>(projectNames, 'category')}::text[]) AS p(kind, position, topic, name, category)`.execute(
    db,
  );
  const v = (key: string, type: string) => sql`${column(variants, key)}::${sql.raw(type)}[]`;
  await sql`CREATE TEMP TABLE bench_variants AS SELECT * FROM unnest(${v('topic', 'int')}, ${v('position', 'int')}, ${v('v', 'int')},
    ${v('level1', 'text')}, ${v('level2', 'text')}, ${v('level3', 'text')}, ${v('target', 'text')}, ${v('level1_kind', 'text')},
    ${v('level2_kind', 'text')}, ${v('target_kind', 'text')}, ${v('target_operator', 'text')}, ${v('target_value', 'numeric')},
    ${v('target_unit', 'text')}, ${v('family_key', 'text')})
    AS x(topic, position, v, level1, level2, level3, target, level1_kind, level2_kind, target_kind, target_operator, target_value, target_unit, family_key)`.execute(
    db,
  );
  await sql`CREATE INDEX ON bench_variants (topic, position, v)`.execute(db);

  const { id: provinceId } = await db
    .insertInto('bureaus')
    .values({ code: '99', name: '某省财政厅', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO bureau_tree (ancestor_id, descendant_id, depth) VALUES (${provinceId}, ${provinceId}, 0)`.execute(db);
  const names = Array.from({ length: counties }, (_, i) => countyName(i));
  await sql`INSERT INTO bureaus (code, name, parent_id)
    SELECT '99' || lpad(i::text, 4, '0'), n || '财政局', ${provinceId} FROM unnest(${names}::text[]) WITH ORDINALITY AS c(n, i)`.execute(
    db,
  );
  await sql`INSERT INTO bureau_tree (ancestor_id, descendant_id, depth)
    SELECT id, id, 0 FROM bureaus WHERE parent_id = ${provinceId}
    UNION ALL SELECT ${provinceId}, id, 1 FROM bureaus WHERE parent_id = ${provinceId}`.execute(db);
  await sql`INSERT INTO units (code, name, bureau_id)
    SELECT b.code || lpad(k.kind::text, 2, '0'), replace(b.name, '财政局', '') || k.name, b.id
    FROM bureaus b CROSS JOIN bench_kinds k WHERE b.parent_id = ${provinceId} ORDER BY b.id, k.kind`.execute(db);
  await sql`INSERT INTO budget_years (year) SELECT unnest(${[...YEARS]}::int[]) ON CONFLICT DO NOTHING`.execute(db);
  await sql`INSERT INTO documents (unit_id, year, status, unit_code_as_written, unit_name_as_written, project_count, submitted_at, approved_at, published_at)
    SELECT u.id, y, s.status, u.code, u.name, ${PROJECTS_PER_UNIT}, now(), CASE WHEN s.status <> 'draft' THEN now() END,
      CASE WHEN s.status = 'published' THEN now() END
    FROM units u JOIN bureaus b ON b.id = u.bureau_id AND b.parent_id = ${provinceId}
      CROSS JOIN unnest(${[...YEARS]}::int[]) AS y
      CROSS JOIN LATERAL (SELECT CASE
        WHEN y < ${YEARS[2]} THEN CASE WHEN b.id % 10 = 0 THEN 'approved' ELSE 'published' END
        ELSE CASE WHEN u.id % 5 = 0 THEN 'draft' ELSE 'approved' END END AS status) s
    ORDER BY u.id, y`.execute(db);
  await sql`INSERT INTO projects (document_id, position, code, name, unit_code_as_written, unit_name_as_written, amount_unit,
      budget_total, use_of_funds, category, indicator_count)
    SELECT d.id, p.position, u.code || '-' || lpad(p.position::text, 2, '0'), p.name, u.code, u.name, '万元',
      (50 + (d.id + p.position) % 200)::numeric, '', p.category, ${ROWS_PER_PROJECT}
    FROM documents d JOIN units u ON u.id = d.unit_id
      JOIN bench_projects p ON p.kind = (right(u.code, 2))::int
    ORDER BY d.id, p.position`.execute(db);
  await sql`INSERT INTO indicators (project_id, position, term, level1, level2, level3, description, target, basis, remark,
      level1_kind, level2_kind, target_kind, target_operator, target_value, target_unit, family_key)
    SELECT pr.id, x.position, 'annual', x.level1, x.level2, x.level3, '', x.target, '', '',
      x.level1_kind, x.level2_kind, x.target_kind, x.target_operator, x.target_value, x.target_unit, x.family_key
    FROM projects pr
      JOIN documents d ON d.id = pr.document_id
      JOIN units u ON u.id = d.unit_id
      JOIN bench_projects p ON p.kind = (right(u.code, 2))::int AND p.position = pr.position
      CROSS JOIN generate_series(0, ${ROWS_PER_PROJECT - 1}) AS r(position)
      JOIN bench_variants x ON x.topic = p.topic AND x.position = r.position AND x.v = (u.bureau_id + r.position + d.year) % 4
    ORDER BY pr.id, x.position`.execute(db);
  for (const table of ['bench_kinds', 'bench_projects', 'bench_variants']) await sql`DROP TABLE ${sql.raw(table)}`.execute(db);
  await sql`ANALYZE`.execute(db);
  const count = async (table: 'units' | 'documents' | 'projects' | 'indicators') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    counties,
    units: await count('units'),
    documents: await count('documents'),
    projects: await count('projects'),
    indicators: await count('indicators'),
  };
}
