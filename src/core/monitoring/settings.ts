/**
 * The deviation rules of in-year monitoring. Traffic lights are local practice, not national rule
 * (domain notes §5), so every threshold is a finance bureau's setting; these are jixiao's defaults.
 */
import Type from 'typebox';
import { Likelihood } from '../actuals/actuals.ts';
import { NonNegativeDecimalText } from '../model/document.ts';
import { dec } from '../model/decimal.ts';

/** 绿灯 on track, 黄灯 watch, 红灯 act. */
export const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')], {
  description: 'green 绿灯 / yellow 黄灯 / red 红灯',
});
export type Light = Type.Static<typeof Light>;

/** An indicator row's state: a light, or 未填报 (nothing recorded by the date, so nothing to judge). */
export const IndicatorLight = Type.Union([Light, Type.Literal('noData')], { description: 'a light, or noData 未填报' });
export type IndicatorLight = Type.Static<typeof IndicatorLight>;

export const LIGHT_ORDER: readonly Light[] = ['green', 'yellow', 'red'];

export const worseLight = (a: Light, b: Light): Light => (LIGHT_ORDER.indexOf(a) >= LIGHT_ORDER.indexOf(b) ? a : b);

export const MonitoringSettings = Type.Object(
  {
    /** Execution behind the plan by at least this many percentage points → yellow. */
    yellowShortfall: NonNegativeDecimalText,
    /** … by at least this many → red. */
    redShortfall: NonNegativeDecimalText,
    /** The light an indicator's 完成可能性 gives its project. */
    likelihoodLight: Type.Record(Likelihood, Light, { additionalProperties: false }),
    /** Lights that oblige the unit to state a cause and a corrective measure. */
    explanationRequired: Type.Array(Light),
  },
  { additionalProperties: false, description: 'execution behind plan by ≥ yellowShortfall points → yellow, ≥ redShortfall → red' },
);
export type MonitoringSettings = Type.Static<typeof MonitoringSettings>;

export const DEFAULT_MONITORING_SETTINGS: MonitoringSettings = {
  yellowShortfall: '10',
  redShortfall: '20',
  likelihoodLight: { certain: 'green', possible: 'green', impossible: 'red' },
  explanationRequired: ['yellow', 'red'],
};

/** Throws a RangeError for settings that cannot classify (a bureau's configuration mistake, not user input). */
export function checkMonitoringSettings(s: MonitoringSettings): MonitoringSettings {
  const yellow = dec(s.yellowShortfall);
  const red = dec(s.redShortfall);
  if (yellow.isNegative() || red.lt(yellow))
    throw new RangeError(`monitoring settings: need 0 ≤ yellowShortfall (${s.yellowShortfall}) ≤ redShortfall (${s.redShortfall})`);
  return s;
}
