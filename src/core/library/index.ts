/**
 * The indicator library (指标库) and each indicator's history, pure: library entries, the 共性
 * indicators of the 2021 framework, families of the same measure across units and years, suggestions
 * for a project, and the 上年/前年 values of a row. The store, the API and the editor build on this.
 */
export {
  DIRECTION_NAMES,
  EntrySource,
  EntryStatus,
  type EntryState,
  entryProblem,
  isOffered,
  LibraryEntry,
  SOURCE_NAMES,
  STATE_NAMES,
} from './entry.ts';
export { FIELDS, FIELD_NAMES, type Field, fieldNamed, fieldOfUnit, isField } from './fields.ts';
export { FRAMEWORK_2021_ENTRIES } from './framework-2021.ts';
export { observationsOf, unitKey, type ActualOf, type Observation, type ObservedProject } from './observation.ts';
export { normaliseWording, wordingSimilarity } from './wording.ts';
export { familyKey } from './family-key.ts';
export { groupFamilies, type Family, type FamilyUse } from './families.ts';
export { DistributionBuilder, typicalTarget, type Distribution } from './distribution.ts';
export {
  entryRow,
  indexForSuggestions,
  pairsOf,
  LIBRARY_ORIGIN,
  suggest,
  suggestedRow,
  type SuggestionIndex,
  type SuggestQuery,
  type Suggestion,
} from './suggest.ts';
export { historyOf, type PastValue, reviewHistory, type RowHistory, SAME_INDICATOR, UnitHistory, withHistoryColumns } from './history.ts';
export { type PeerRange, peerRangesFor } from './peer-range.ts';
export { learnedEntry } from './learned.ts';
