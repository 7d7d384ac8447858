/**
 * The shapes of the endpoints about an indicator's past and its peers (issue 15): each row's 上年 /
 * 前年, the suggestions for a project, and the public comparison with peers. Written out here as
 * agreed with the routes being built beside this UI; once src/server holds their TypeBox schemas,
 * these become `Wire<typeof …>` of them like ./types.ts.
 */
import type { PastValue } from '../../core/library/history.ts';
import type { Indicator } from '../../core/model/document.ts';

export type { PastValue };

/** One row of a project, by its stored id and its place (0-based) in the project's table, with its past. */
export interface HistoryRow {
  indicatorId: number;
  position: number;
  previousYear: PastValue | null;
  yearBeforeLast: PastValue | null;
}

/** GET /api/documents/:id/history */
export interface DocumentHistory {
  previousYear: number;
  yearBeforeLast: number;
  projects: Array<{ projectId: number; code: string; rows: HistoryRow[] }>;
}

/** A unit, year and project that wrote a target for the same measure. */
export interface PeerUse {
  unitName: string;
  year: number | null;
  projectName: string;
  target: string;
}

/** One suggestion for a project (GET /api/projects/:id/suggestions). */
export interface SuggestionView {
  /** The family of the same measure peers use; null for a library entry no peer uses yet. */
  familyKey: string | null;
  /** The approved library entry of the same measure, where there is one. */
  entry: { code: string; level3: string } | null;
  label: string;
  level1: string;
  level2: string;
  unit: string;
  typical: string | null;
  spread: { count: number; min: string | null; max: string | null } | null;
  /** How many units among the peers use it. */
  peers: number;
  /** The project's copy of last year used it. */
  fromLastYear: boolean;
  /** The closest peers' uses (at most five). */
  users: PeerUse[];
  /** The row adding it makes (指标来源 指标库). */
  row: Indicator;
}

export interface SuggestionList {
  items: SuggestionView[];
}

/** GET /api/public/indicators/:indicatorId/peers: a published row's peers, as anyone may read them. */
export interface PeerComparison {
  label: string;
  unit: string;
  level2: string;
  /** How many targets of peers, from how many units. */
  count: number;
  units: number;
  min: string | null;
  median: string | null;
  max: string | null;
  typical: string | null;
  uses: PeerUse[];
}
