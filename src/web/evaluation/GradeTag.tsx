/** A self-evaluation grade (优/良/中/差) as a coloured tag. */
import { Tag } from 'antd';
import type { Grade } from '../api/monitoring-types.ts';

const COLORS: Record<Grade, string> = { 优: 'green', 良: 'blue', 中: 'gold', 差: 'red' };

export const GradeTag = ({ grade }: { grade: Grade }) => (
  <Tag color={COLORS[grade]} data-grade={grade} className="grade-tag">
    {grade}
  </Tag>
);
