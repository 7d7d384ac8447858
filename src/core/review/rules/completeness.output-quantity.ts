/** 产出 says how much is delivered (数量指标: 件, 人, 次, 张). */
import { outputDimension } from './output-dimension.ts';

export default outputDimension('completeness.output-quantity', 'quantity', 'warning');
