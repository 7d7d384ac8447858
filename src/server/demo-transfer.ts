/**
 * The demo's transfer-payment funds (demo data, docs/transfer-payments.md): 河北省财政厅 sets and issues
 * to 怀来县财政局 the two funds the seed's projects 2 and 3 spend — 冀财政法[2019]19号's 社区矫正补助资金
 * (4.10 万元), accepted and broken down to 司法局's project of that name, and 冀财政法[2019]22号's
 * 中央政法纪检监察转移支付资金 (39.00 万元), issued and not yet broken down, so the county has one to do.
 * The targets follow the seed's project tables; the amounts are the seed's budgets, the province-wide
 * totals being unknown.
 */
import type { FundContent } from '../core/transfer/fund.ts';
import type { Actor } from '../store/audit.ts';
import type { Store } from '../store/database.ts';
import type { Bureau } from '../store/organisation.ts';
import { acceptAllocation, addBreakdown } from '../store/transfer/breakdowns.ts';
import { createFund, issueFund, readFund, updateFund } from '../store/transfer/funds.ts';

const NOTE = '（演示数据）';

export const DEMO_FUNDS: ReadonlyArray<FundContent & { projectCode: string }> = [
  {
    year: 2020,
    code: '冀财政法[2019]19号',
    name: `2020年社区矫正补助资金${NOTE}`,
    department: '河北省司法厅',
    amount: '4.10',
    amountCentral: null,
    amountLocal: '4.10',
    goal: '深化人民调解、社区矫正和安置帮教工作，最大限度降低重新违法犯罪和社会不稳定因素发生率。',
    indicators: [
      { level1: '产出指标', level2: '质量指标', level3: '社区矫正人员信息核查率', target: '=100%' },
      { level1: '效果指标', level2: '社会效益指标', level3: '最大限度降低重新犯罪', target: '=100%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', level3: '矫正人员满意度', target: '≥95%' },
    ],
    projectCode: '315-0103-YBN-UP1C',
  },
  {
    year: 2020,
    code: '冀财政法[2019]22号',
    name: `2020年中央政法纪检监察转移支付资金（司法）${NOTE}`,
    department: '河北省司法厅',
    amount: '39.00',
    amountCentral: '39.00',
    amountLocal: '0',
    goal: '提高业务部门办公效率，司法所办公场所得到改善；深化人民调解、社区矫正和安置帮教工作。',
    indicators: [
      { level1: '产出指标', level2: '质量指标', level3: '人民调解案件结案率', target: '≥98%' },
      { level1: '产出指标', level2: '数量指标', level3: '购买装备业务部门覆盖率', target: '≥50%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', target: '≥95%' },
    ],
    projectCode: '315-0103-YBN-TSVA',
  },
];

export async function seedDemoTransfers(store: Store, actor: Actor, province: Bureau, county: Bureau, draftId: number | null) {
  const db = store.db;
  for (const [i, { projectCode, ...content }] of DEMO_FUNDS.entries()) {
    const { id, version } = await createFund(db, actor, province.id, content);
    const targets = content.indicators.map((x) => x.target);
    const set = await updateFund(db, actor, id, version, content, [{ bureauId: county.id, amount: content.amount, targets }]);
    await issueFund(db, actor, id, set);
    if (i > 0 || draftId === null) continue;
    const allocation = (await readFund(db, id))!.allocations[0]!;
    const accepted = await acceptAllocation(db, actor, allocation.id, allocation.version);
    const project = await db
      .selectFrom('projects')
      .select('id')
      .where('document_id', '=', draftId)
      .where('code', '=', projectCode)
      .executeTakeFirst();
    if (!project) continue;
    const rows = await db.selectFrom('indicators').select('id').where('project_id', '=', project.id).orderBy('position').execute();
    await addBreakdown(db, actor, allocation.id, accepted, project.id, {
      amount: content.amount,
      mapping: content.indicators.map((_, k) => rows[k]?.id ?? null),
    });
  }
}
