/**
 * The rule catalog, in the order findings about the same place are listed:
 * completeness, consistency, measurability, classification, basis, appropriateness.
 */
import type { Rule } from '../rule.ts';
import completenessDepartmentGoals from './completeness.department-goals.ts';
import completenessDepartmentIndicators from './completeness.department-indicators.ts';
import completenessYear from './completeness.year.ts';
import completenessProjectIdentity from './completeness.project-identity.ts';
import completenessBudget from './completeness.budget.ts';
import completenessUseOfFunds from './completeness.use-of-funds.ts';
import completenessSpendingPlan from './completeness.spending-plan.ts';
import completenessGoals from './completeness.goals.ts';
import completenessMissingLevel1 from './completeness.missing-level1.ts';
import completenessOutputQuantity from './completeness.output-quantity.ts';
import completenessOutputQuality from './completeness.output-quality.ts';
import completenessOutputTimeliness from './completeness.output-timeliness.ts';
import completenessEmptyDescription from './completeness.empty-description.ts';
import completenessEmptyTarget from './completeness.empty-target.ts';
import completenessEmptyBasis from './completeness.empty-basis.ts';
import completenessPlaceholder from './completeness.placeholder.ts';
import completenessTemplateText from './completeness.template-text.ts';
import completenessWeight from './completeness.weight.ts';
import completenessExAnteAssessment from './completeness.ex-ante-assessment.ts';
import consistencyBudgetSum from './consistency.budget-sum.ts';
import consistencyBudgetPositive from './consistency.budget-positive.ts';
import consistencyDepartmentFunds from './consistency.department-funds.ts';
import consistencyDutyAmounts from './consistency.duty-amounts.ts';
import consistencySpendingPlanRange from './consistency.spending-plan-range.ts';
import consistencySpendingPlanOrder from './consistency.spending-plan-order.ts';
import consistencySpendingPlanEnd from './consistency.spending-plan-end.ts';
import consistencyProjectCodeFormat from './consistency.project-code-format.ts';
import consistencyProjectCodeUnit from './consistency.project-code-unit.ts';
import consistencyDuplicateProjectCode from './consistency.duplicate-project-code.ts';
import consistencyProjectUnit from './consistency.project-unit.ts';
import consistencyDuplicateIndicator from './consistency.duplicate-indicator.ts';
import consistencyWeightsSum from './consistency.weights-sum.ts';
import consistencyLevel1Points from './consistency.level1-points.ts';
import consistencyNatureTarget from './consistency.nature-target.ts';
import consistencyMeasureUnit from './consistency.measure-unit.ts';
import consistencyDirectionOperator from './consistency.direction-operator.ts';
import consistencyPercentStandard from './consistency.percent-standard.ts';
import measurabilityUnreadableTarget from './measurability.unreadable-target.ts';
import measurabilityRatePercent from './measurability.rate-percent.ts';
import measurabilityRateRange from './measurability.rate-range.ts';
import measurabilityRangeOrder from './measurability.range-order.ts';
import measurabilityMissingUnit from './measurability.missing-unit.ts';
import measurabilityDescriptionContradiction from './measurability.description-contradiction.ts';
import measurabilityVagueDescription from './measurability.vague-description.ts';
import measurabilityUngradedTrend from './measurability.ungraded-trend.ts';
import measurabilityDirection from './measurability.direction.ts';
import classificationUnknownLevel from './classification.unknown-level.ts';
import classificationLevel1Profile from './classification.level1-profile.ts';
import classificationLevel2Parent from './classification.level2-parent.ts';
import classificationRateUnderQuantity from './classification.rate-under-quantity.ts';
import classificationTimeliness from './classification.timeliness.ts';
import classificationCost from './classification.cost.ts';
import classificationSatisfactionOutside from './classification.satisfaction-outside.ts';
import classificationNotSatisfaction from './classification.not-satisfaction.ts';
import basisRestatesIndicator from './basis.restates-indicator.ts';
import basisNoSource from './basis.no-source.ts';
import appropriatenessBelowHistory from './appropriateness.below-history.ts';
import appropriatenessOffFamily from './appropriateness.off-family.ts';

export const rules: readonly Rule[] = [
  completenessDepartmentGoals,
  completenessDepartmentIndicators,
  completenessYear,
  completenessProjectIdentity,
  completenessBudget,
  completenessUseOfFunds,
  completenessSpendingPlan,
  completenessGoals,
  completenessMissingLevel1,
  completenessOutputQuantity,
  completenessOutputQuality,
  completenessOutputTimeliness,
  completenessEmptyDescription,
  completenessEmptyTarget,
  completenessEmptyBasis,
  completenessPlaceholder,
  completenessTemplateText,
  completenessWeight,
  completenessExAnteAssessment,
  consistencyBudgetSum,
  consistencyBudgetPositive,
  consistencyDepartmentFunds,
  consistencyDutyAmounts,
  consistencySpendingPlanRange,
  consistencySpendingPlanOrder,
  consistencySpendingPlanEnd,
  consistencyProjectCodeFormat,
  consistencyProjectCodeUnit,
  consistencyDuplicateProjectCode,
  consistencyProjectUnit,
  consistencyDuplicateIndicator,
  consistencyWeightsSum,
  consistencyLevel1Points,
  consistencyNatureTarget,
  consistencyMeasureUnit,
  consistencyDirectionOperator,
  consistencyPercentStandard,
  measurabilityUnreadableTarget,
  measurabilityRatePercent,
  measurabilityRateRange,
  measurabilityRangeOrder,
  measurabilityMissingUnit,
  measurabilityDescriptionContradiction,
  measurabilityVagueDescription,
  measurabilityUngradedTrend,
  measurabilityDirection,
  classificationUnknownLevel,
  classificationLevel1Profile,
  classificationLevel2Parent,
  classificationRateUnderQuantity,
  classificationTimeliness,
  classificationCost,
  classificationSatisfactionOutside,
  classificationNotSatisfaction,
  basisRestatesIndicator,
  basisNoSource,
  appropriatenessBelowHistory,
  appropriatenessOffFamily,
];
