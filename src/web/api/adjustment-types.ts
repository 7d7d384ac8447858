/** 目标调整 as the API sends it (src/server/routes/adjustments.ts). */
import type { FieldChange, PartChanges } from '../../core/model/diff.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { Finding } from '../../core/review/finding.ts';

export type AdjustmentState = 'draft' | 'submitted' | 'returned' | 'approved' | 'withdrawn';
export type { FieldChange, PartChanges };

export interface Adjustment {
  id: number;
  documentId: number;
  number: number;
  state: AdjustmentState;
  reason: string;
  effectiveDate: string;
  baseVersion: number;
  version: number;
  reviewComment: string | null;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  approvedVersion: number | null;
}

export interface AdjustmentView extends Adjustment {
  baseContent: TargetDocument;
  content: TargetDocument;
  changes: PartChanges[];
  findings: Finding[];
}

export interface QueuedAdjustment extends Adjustment {
  unitName: string;
  year: number;
}

export interface PublicAdjustment {
  number: number;
  reason: string;
  effectiveDate: string;
  decidedAt: string | null;
  changes: PartChanges[];
}

export interface CursorList<T> {
  items: T[];
  nextCursor: string | null;
}
