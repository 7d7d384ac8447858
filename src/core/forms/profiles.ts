/**
 * The form profiles jixiao ships (./profiles/), and the one a document follows when its bureau
 * picked none: the sample's form before the 2021 framework applies, the 2021 framework after.
 */
import { DEFAULT_FORM_2021_FROM_YEAR } from '../framework/framework.ts';
import type { FormProfile } from './profile.ts';
import { chongqingApproval } from './profiles/chongqing-approval.ts';
import { fujianNingdeDepartment } from './profiles/fujian-ningde-department.ts';
import { guangdongDongguanApproval } from './profiles/guangdong-dongguan-approval.ts';
import { hebei2020 } from './profiles/hebei-2020.ts';
import { hunanXiangtan } from './profiles/hunan-xiangtan.ts';
import { mof2021 } from './profiles/mof-2021.ts';
import { neimengguWuhai } from './profiles/neimenggu-wuhai.ts';
import { sichuanApplication } from './profiles/sichuan-application.ts';
import { sichuanSelfEvaluation } from './profiles/sichuan-self-evaluation.ts';

export const FORM_PROFILES: readonly FormProfile[] = [
  hebei2020,
  mof2021,
  sichuanApplication,
  sichuanSelfEvaluation,
  chongqingApproval,
  guangdongDongguanApproval,
  fujianNingdeDepartment,
  neimengguWuhai,
  hunanXiangtan,
];

export const profileById = (id: string): FormProfile | undefined => FORM_PROFILES.find((p) => p.id === id);

/** The profiles of a year-end 自评表: what a self-evaluation can be printed in. */
export const SELF_EVALUATION_PROFILES: readonly FormProfile[] = FORM_PROFILES.filter((p) => p.kind === 'selfEvaluation');

export function defaultProfileFor(year: number | null, form2021FromYear = DEFAULT_FORM_2021_FROM_YEAR): FormProfile {
  return year !== null && year < form2021FromYear ? hebei2020 : mof2021;
}
