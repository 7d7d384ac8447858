/** 产出 says how well (质量指标: 合格率, 结案率, 达标率), not only how much. */
import { outputDimension } from './output-dimension.ts';

export default outputDimension('completeness.output-quality', 'quality', 'warning');
