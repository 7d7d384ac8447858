/**
 * The most each text of a document may hold, in characters: what the cells of the official forms
 * hold with room to spare (the longest of the seed's 资金用途 is 147). Longer text is no target a
 * reader can take in, and a form cannot print it: the model's schema carries these limits (so the
 * API refuses such text), the readers report it, and the editor counts against them.
 */
export const TEXT_LIMITS = {
  unitCode: 50,
  unitName: 100,
  itemLabel: 20,
  itemText: 2000,
  overallGoal: 3000,
  sourceName: 50,
  checkpoint: 20,
  goal: 1000,
  level1: 20,
  level2: 30,
  level3: 200,
  description: 500,
  target: 200,
  basis: 500,
  remark: 500,
  projectCode: 60,
  projectName: 200,
  useOfFunds: 2000,
  department: 100,
  period: 50,
  nature: 20,
  measureUnit: 30,
  direction: 20,
  explanation: 500,
  origin: 50,
  previousYear: 200,
  yearBeforeLast: 200,
  category: 100,
  constructionPeriod: 50,
  manager: 50,
  approvalNumber: 100,
  subjectCode: 50,
  duty: 1000,
  dutyTask: 2000,
} as const;
export type TextField = keyof typeof TEXT_LIMITS;

/** The property each text is stored under in the model (several share a name, never a name and a limit). */
const PROPERTY: Record<TextField, string> = {
  unitCode: 'code',
  unitName: 'name',
  itemLabel: 'label',
  itemText: 'text',
  overallGoal: 'overallGoal',
  sourceName: 'name',
  checkpoint: 'checkpoint',
  goal: 'text',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  description: 'description',
  target: 'target',
  basis: 'basis',
  remark: 'remark',
  projectCode: 'code',
  projectName: 'name',
  useOfFunds: 'useOfFunds',
  department: 'department',
  period: 'period',
  nature: 'nature',
  measureUnit: 'measureUnit',
  direction: 'direction',
  explanation: 'explanation',
  origin: 'origin',
  previousYear: 'previousYear',
  yearBeforeLast: 'yearBeforeLast',
  category: 'category',
  constructionPeriod: 'constructionPeriod',
  manager: 'manager',
  approvalNumber: 'approvalNumber',
  subjectCode: 'subjectCode',
  duty: 'duty',
  dutyTask: 'task',
};

/** Which text a schema's length error is about, from the property and the limit it names. */
export const textFieldOf = (property: string, limit: number): TextField | undefined =>
  (Object.keys(TEXT_LIMITS) as TextField[]).find((f) => PROPERTY[f] === property && TEXT_LIMITS[f] === limit);

/** The text a property holds, where only one text is stored under that name. */
export function textFieldNamed(property: string): TextField | undefined {
  const named = (Object.keys(TEXT_LIMITS) as TextField[]).filter((f) => PROPERTY[f] === property);
  return named.length === 1 ? named[0] : undefined;
}
