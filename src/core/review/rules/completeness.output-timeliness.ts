/** 产出 says by when (时效指标). Most work has a deadline, some does not: a hint, not a warning. */
import { outputDimension } from './output-dimension.ts';

export default outputDimension('completeness.output-timeliness', 'timeliness', 'info');
