/**
 * The versioned migrations, applied in name order at start and recorded in the table
 * `kysely_migration`. Add a new file `NNNN-what.ts` exporting `up(db)` and list it here;
 * never edit one that has shipped.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.ts';
import * as actuals from './0002-actuals.ts';
import * as reviewSettings from './0003-review-settings.ts';
import * as reviewStale from './0004-review-stale.ts';
import * as openComments from './0005-open-comments.ts';
import * as oneTimePasswords from './0006-one-time-passwords.ts';
import * as unreportedAndNotApplicable from './0007-unreported-and-not-applicable.ts';
import * as documentSnapshots from './0008-document-snapshots.ts';
import * as formProfileSetting from './0009-form-profile-setting.ts';
import * as provincialColumns from './0010-provincial-columns.ts';
import * as aggregates from './0011-aggregates.ts';
import * as keysetIndexes from './0012-keyset-indexes.ts';
import * as severalServers from './0014-several-servers.ts';
import * as library from './0015-library.ts';
import * as indicatorHistory from './0016-indicator-history.ts';
import * as exAnteAssessment from './0017-ex-ante-assessment.ts';
import * as adjustments from './0018-adjustments.ts';
import * as approvalNotices from './0019-approval-notices.ts';
import * as transferPayments from './0020-transfer-payments.ts';
import * as evaluationTasks from './0021-evaluation-tasks.ts';
import * as evaluations from './0022-evaluations.ts';
import * as rectification from './0023-rectification.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-actuals': actuals,
  '0003-review-settings': reviewSettings,
  '0004-review-stale': reviewStale,
  '0005-open-comments': openComments,
  '0006-one-time-passwords': oneTimePasswords,
  '0007-unreported-and-not-applicable': unreportedAndNotApplicable,
  '0008-document-snapshots': documentSnapshots,
  '0009-form-profile-setting': formProfileSetting,
  '0010-provincial-columns': provincialColumns,
  '0011-aggregates': aggregates,
  '0012-keyset-indexes': keysetIndexes,
  '0014-several-servers': severalServers,
  '0015-library': library,
  '0016-indicator-history': indicatorHistory,
  '0017-ex-ante-assessment': exAnteAssessment,
  '0018-adjustments': adjustments,
  '0019-approval-notices': approvalNotices,
  '0020-transfer-payments': transferPayments,
  '0021-evaluation-tasks': evaluationTasks,
  '0022-evaluations': evaluations,
  '0023-rectification': rectification,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The name of the newest migration: the schema version a backup records. */
export const latestMigration = Object.keys(migrations).sort().at(-1)!;
