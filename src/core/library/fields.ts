/**
 * 行业/领域: the fixed list a library entry and a suggestion are filed under. 共性 holds the
 * indicators every field uses (the framework's own, such as 服务对象满意度). Plain data, without the
 * schema (./entry.ts): the command line's help lists the fields without loading typebox.
 */
export const FIELDS = [
  'common',
  'justice',
  'publicSecurity',
  'education',
  'science',
  'culture',
  'health',
  'civilAffairs',
  'socialSecurity',
  'agriculture',
  'forestry',
  'waterResources',
  'transport',
  'housing',
  'environment',
] as const;

export type Field = (typeof FIELDS)[number];

/** The names forms and library files write; also what an imported library may write. */
export const FIELD_NAMES: Readonly<Record<Field, string>> = {
  common: '共性',
  justice: '司法',
  publicSecurity: '公安',
  education: '教育',
  science: '科技',
  culture: '文化',
  health: '卫生',
  civilAffairs: '民政',
  socialSecurity: '社会保障',
  agriculture: '农业',
  forestry: '林业',
  waterResources: '水利',
  transport: '交通',
  housing: '住房城乡建设',
  environment: '生态环境',
};

export const isField = (s: string): s is Field => (FIELDS as readonly string[]).includes(s);

/** The field a name written by a person means: its id or its Chinese name. */
export const fieldNamed = (name: string): Field | undefined => (isField(name) ? name : FIELDS.find((f) => FIELD_NAMES[f] === name.trim()));

/**
 * What a unit's name says about its field: published documents carry no field, but a 司法局's
 * projects are 司法's. The first match counts, most specific first (卫生健康委 before 委员会).
 */
const UNIT_FIELDS: ReadonlyArray<readonly [RegExp, Field]> = [
  [/司法|法院|检察院|律师|公证/, 'justice'],
  [/公安|派出所|消防/, 'publicSecurity'],
  [/教育|学校|中学|小学|幼儿园|大学|学院/, 'education'],
  [/科技|科学技术/, 'science'],
  [/文化|旅游|广电|广播电视|体育|文物|图书馆/, 'culture'],
  [/卫生|卫健|医院|疾病预防|疾控|医疗保障|医保/, 'health'],
  // 人民政府 holds 民政 and is no 民政局.
  [/(?<!人)民政|残疾人|老龄/, 'civilAffairs'],
  [/人力资源|人社|社会保障|社保|就业/, 'socialSecurity'],
  [/农业|农村|畜牧|农机|兽医|乡村振兴/, 'agriculture'],
  [/林业|草原|林场/, 'forestry'],
  [/水利|水务|河道|水库/, 'waterResources'],
  [/交通|公路|运输|港航/, 'transport'],
  [/住房|城乡建设|住建|城市管理|城管/, 'housing'],
  [/生态环境|环境保护|环保/, 'environment'],
];

export function fieldOfUnit(unitName: string): Field | null {
  for (const [words, field] of UNIT_FIELDS) if (words.test(unitName)) return field;
  return null;
}
