/**
 * A form profile (表样): the data-driven description of one province's printed form — which
 * columns in which order under which headings, which 一级 it allows and with what points, the
 * amount unit, the header block, and whether 中期 and 年度 indicators stand side by side. A bureau
 * picks its profile (inherited down the bureau tree like the review settings); the editor, the
 * review, the exports and the Excel template follow it, and the table reader recognises a file by
 * matching its headings against every profile.
 *
 * Profiles are written from published forms, each citing its source in docs/forms/.
 */
import type { FrameworkForm, Level1Kind } from '../framework/framework.ts';
import type { AmountUnit, DecimalText, Term } from '../model/document.ts';
import type { IndicatorColumnId, ResultColumnId } from '../model/indicator-columns.ts';
import type { ProjectFieldId } from '../model/project-fields.ts';

/** What a form is: a project's target table, a 部门整体支出 target table, or a year-end 自评表. */
export type FormKind = 'project' | 'department' | 'selfEvaluation';

export interface ProfileColumn {
  id: IndicatorColumnId | ResultColumnId;
  /** The heading this form prints. */
  heading: string;
  /**
   * The heading the 中期 set prints where it differs from the 年度 set's (东莞 批复表:
   * "指标值(或计划水平)" left, "计划指标值(或计划水平)" right).
   */
  longTermHeading?: string;
}

export interface ProfileLevel1 {
  kind: Level1Kind;
  /** The label this form prints, e.g. "产出指标". */
  name: string;
  /** The points this 一级 carries in total where the form states them ("成本指标(0-20)分" → 0 to 20). */
  points?: { min: DecimalText; max: DecimalText };
}

export interface FormProfile {
  /** Stable id, e.g. "hebei-2020"; with `version`, what a bureau's setting and an export name. */
  id: string;
  version: number;
  kind: FormKind;
  /** Province (or 中央) and the level of government whose form this is. */
  region: string;
  /** The form's printed title, e.g. "项目绩效目标表". */
  title: string;
  framework: FrameworkForm;
  /** The indicator table's columns in printed order (one set; see `terms`). */
  columns: readonly ProfileColumn[];
  /** The 一级 this form allows, in printed order. */
  level1: readonly ProfileLevel1[];
  amountUnit: AmountUnit;
  /** The header block's fields in printed order. */
  header: readonly ProjectFieldId[];
  /**
   * The parts the form prints besides its header block and indicator table: 'spendingPlan' (资金支出计划)
   * and 'departmentGoals' (the unit's 部门整体绩效目标: 总体、分项绩效目标、工作保障措施), as the
   * sample's form does. Absent: neither — no province's published form seen prints them.
   */
  sections?: readonly ('spendingPlan' | 'departmentGoals')[];
  /**
   * The province's project-code rule as a regular expression, where its forms show one (四川's
   * 21-character codes, "51000021R000000019951"); null where no rule is known (nothing is checked).
   * Absent on jixiao's own forms, which follow the bureau's setting (ReviewSettings.projectCodePattern).
   */
  projectCodePattern?: string | null;
  /**
   * 'flat' when one sheet holds many projects, the header fields printed as leading columns merged
   * down over each project's rows (四川 申报表); absent for a header block above each project's table.
   */
  layout?: 'flat';
  /**
   * The indicator sets printed side by side: ['annual'], or ['longTerm', 'annual'] where a 中期 /
   * 实施期 set stands left of the 年度 set and both share the 一级 column.
   */
  terms: readonly Term[];
  /**
   * What the form calls the 中期 goals where it prints them under its own label (东莞: "中期滚动目标");
   * absent: jixiao's own "长期目标".
   */
  longTermGoalsLabel?: string;
  /**
   * How the form weights indicators: 'column' when each row prints its weight (权重/分值), 'fixed'
   * when it does not and the bureau's 一级 split applies (10/50/30/10 by default).
   */
  weights: 'column' | 'fixed';
  /** The points all indicator weights add up to, where the form states it (90 when 10 go to 预算执行). */
  totalPoints: DecimalText | null;
  /** The report number the form prints above itself, where it has one (四川 自评表: 报表编号 510000_0013zp). */
  reportCode?: string;
  /** Where the form was seen: a path under docs/forms/ that names the published source. */
  source: string;
}
