/**
 * A generated province for the province benchmark, written as `jixiao load` reads it: a units file
 * (province → cities → counties, the budget units under them: a few under the province and the
 * cities, most under the counties) and, per status, one exchange-JSON file per bureau with its
 * units' documents. About 10 projects a unit and 7 indicator rows a project (the generator's 2021
 * form, which the review finds no error in, so every status can be loaded); statuses mixed as a
 * province's year is in spring: 30 % draft, 20 % submitted, 35 % approved, 15 % published.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetDocument } from '../src/core/model/document.ts';
import { generateDocuments } from '../src/core/model/generate.ts';
import { writeExchangeJson } from '../src/formats/json/exchange.ts';
import type { LoadStatus } from '../src/store/bulk/documents.ts';

export const PROVINCE_YEAR = 2024;
export const STATUSES: readonly LoadStatus[] = ['draft', 'submitted', 'approved', 'published'];
/** Of every 20 units, how many have each status. */
const STATUS_SHARE: Record<LoadStatus, number> = { draft: 6, submitted: 4, approved: 7, published: 3 };
/** Units per county; a city has about 12 counties. */
const UNITS_PER_COUNTY = 210;
const COUNTIES_PER_CITY = 12;

export interface Province {
  unitsFile: string;
  /** The folder of each status's files. */
  folders: Record<LoadStatus, string>;
  provinceCode: string;
  /** The first county's code (the county dashboard's). */
  countyCode: string;
  units: number;
  projects: number;
}

const statusOf = (i: number): LoadStatus => {
  let slot = i % 20;
  for (const s of STATUSES) {
    if (slot < STATUS_SHARE[s]) return s;
    slot -= STATUS_SHARE[s];
  }
  return 'draft';
};

export function writeProvince(dir: string, units: number): Province {
  const counties = Math.max(2, Math.round(units / UNITS_PER_COUNTY));
  const cities = Math.max(1, Math.round(counties / COUNTIES_PER_CITY));
  const province = { code: '99', name: '样例省财政厅' };
  const bureaus: Array<{ code: string; name: string; parent: string }> = [];
  const cityCodes = Array.from({ length: cities }, (_, c) => `99${String(c + 1).padStart(2, '0')}`);
  for (const [c, code] of cityCodes.entries()) bureaus.push({ code, name: `样例省第${c + 1}市财政局`, parent: province.code });
  const countyCodes = Array.from(
    { length: counties },
    (_, k) => `${cityCodes[k % cities]}${String(Math.floor(k / cities) + 1).padStart(2, '0')}`,
  );
  for (const [k, code] of countyCodes.entries()) bureaus.push({ code, name: `样例省第${k + 1}县财政局`, parent: code.slice(0, 4) });

  // 2 % of the units under the province, 8 % under the cities, the rest under the counties.
  const holders = [province.code, ...cityCodes, ...countyCodes];
  const holderOf = (i: number): string => {
    const share = (i * 50) % units;
    if (share < units * 0.02) return province.code;
    if (share < units * 0.1) return cityCodes[i % cities]!;
    return countyCodes[i % counties]!;
  };
  const rows = ['编码,名称,上级编码,类型', `${province.code},${province.name},,财政部门`];
  for (const b of bureaus) rows.push(`${b.code},${b.name},${b.parent},财政部门`);
  const byHolder = new Map<string, Array<{ code: string; name: string; status: LoadStatus }>>(holders.map((h) => [h, []]));
  for (let i = 0; i < units; i++) {
    const holder = holderOf(i);
    const list = byHolder.get(holder)!;
    const unit = {
      code: `${holder.padEnd(6, '0')}${String(list.length + 1).padStart(4, '0')}`,
      name: `样例单位${i + 1}`,
      status: statusOf(i),
    };
    list.push(unit);
    rows.push(`${unit.code},${unit.name},${holder},预算单位`);
  }
  mkdirSync(dir, { recursive: true });
  const unitsFile = join(dir, 'units.csv');
  writeFileSync(unitsFile, `${rows.join('\n')}\n`);

  const folders = Object.fromEntries(STATUSES.map((s) => [s, join(dir, s)])) as Record<LoadStatus, string>;
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  let projects = 0;
  let seed = 1;
  for (const [holder, list] of byHolder) {
    if (list.length === 0) continue;
    const docs = generateDocuments({
      seed: seed++,
      units: list.length,
      projectsPerUnit: [8, 12],
      year: PROVINCE_YEAR,
      layout: { costAsLevel1: true, fundSources: true, optionalFields: true, level3: true },
    });
    for (const status of STATUSES) {
      const mine: TargetDocument[] = [];
      list.forEach((u, i) => {
        if (u.status !== status) return;
        const d = docs[i]!;
        const unit = { code: u.code, name: u.name };
        mine.push({ ...d, unit, projects: d.projects.map((p) => ({ ...p, unit })) });
        projects += d.projects.length;
      });
      if (mine.length > 0) writeFileSync(join(folders[status], `${holder}.json`), writeExchangeJson(mine));
    }
  }
  return { unitsFile, folders, provinceCode: province.code, countyCode: countyCodes[0]!, units, projects };
}
