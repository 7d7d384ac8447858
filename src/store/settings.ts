/**
 * A finance bureau's review, monitoring and evaluation settings (rules, thresholds, weights,
 * options) and the form profile (表样) its units fill in, inherited down the bureau tree: a county without its own monitoring settings uses its
 * city's, the city its province's, and the top falls back to jixiao's defaults. Each part is
 * inherited separately, as a whole (a bureau that sets one weight sets them all: weights must add up to 100).
 *
 * A change is audited and makes the derived monitoring and evaluation rows of every document under
 * the bureau stale (see ./actuals/derived.ts).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_EVALUATION_SETTINGS, checkEvaluationSettings, type EvaluationSettings } from '../core/evaluation/settings.ts';
import type { FormProfile } from '../core/forms/profile.ts';
import { profileOf } from '../core/forms/profile-of.ts';
import { profileById } from '../core/forms/profiles.ts';
import { DEFAULT_MONITORING_SETTINGS, checkMonitoringSettings, type MonitoringSettings } from '../core/monitoring/settings.ts';
import { rules } from '../core/review/engine.ts';
import { DEFAULT_REVIEW_SETTINGS, checkReviewSettings, type ReviewSettings } from '../core/review/settings.ts';
import type { Messages } from '../i18n/index.ts';
import { ActualsError } from './actuals/errors.ts';
import { recordAudit, type Actor } from './audit.ts';
import { NotFoundError } from './errors.ts';
import { bureau } from './organisation.ts';
import { enqueueBureau } from './aggregates/queue.ts';
import type { Database, Db } from './schema.ts';

/** Where an effective setting comes from: a bureau (this one or an ancestor), or jixiao's defaults (null). */
export interface SettingsSource {
  bureauId: number;
  bureauName: string;
}

export interface Inherited<T> {
  settings: T;
  source: SettingsSource | null;
}

export interface EffectiveSettings {
  review: Inherited<ReviewSettings>;
  monitoring: Inherited<MonitoringSettings>;
  evaluation: Inherited<EvaluationSettings>;
  /** The picked profile's id; null where no bureau up the tree picked one (each year's default applies). */
  formProfile: Inherited<string | null>;
}

/** What a bureau sets itself; null inherits. */
export interface OwnSettings {
  review: ReviewSettings | null;
  monitoring: MonitoringSettings | null;
  evaluation: EvaluationSettings | null;
  formProfile: string | null;
}

/** The profile a document of `year` follows under these settings (src/core/forms/profile-of.ts). */
export const documentProfile = (settings: EffectiveSettings, year: number | null): FormProfile =>
  profileOf(settings.formProfile.settings, year, settings.review.settings.form2021FromYear);

const RULE_IDS: ReadonlySet<string> = new Set(rules.map((r) => r.id));

export interface BureauSettings {
  bureauId: number;
  /** 0 while the bureau has stored nothing; send it back in If-Match to change the settings. */
  version: number;
  own: OwnSettings;
  effective: EffectiveSettings;
}

/** The settings in force for a bureau's units: for each part, the nearest bureau up the tree that set it. */
export async function effectiveSettings(db: Db, bureauId: number): Promise<EffectiveSettings> {
  const rows = await db
    .selectFrom('bureau_tree as t')
    .innerJoin('bureau_settings as s', 's.bureau_id', 't.ancestor_id')
    .innerJoin('bureaus as b', 'b.id', 't.ancestor_id')
    .select(['t.depth', 's.bureau_id', 'b.name', 's.review', 's.monitoring', 's.evaluation', 's.form_profile'])
    .where('t.descendant_id', '=', bureauId)
    .orderBy('t.depth')
    .execute();
  const nearest = <T>(part: 'review' | 'monitoring' | 'evaluation' | 'form_profile', fallback: T): Inherited<T> => {
    const r = rows.find((x) => x[part] !== null);
    return r ? { settings: r[part] as T, source: { bureauId: r.bureau_id, bureauName: r.name } } : { settings: fallback, source: null };
  };
  return {
    // A review part stored before a setting existed takes that setting's default.
    review: ((r) => ({ ...r, settings: { ...DEFAULT_REVIEW_SETTINGS, ...r.settings } }))(nearest('review', DEFAULT_REVIEW_SETTINGS)),
    monitoring: nearest('monitoring', DEFAULT_MONITORING_SETTINGS),
    evaluation: nearest('evaluation', DEFAULT_EVALUATION_SETTINGS),
    formProfile: nearest<string | null>('form_profile', null),
  };
}

export async function bureauSettings(db: Kysely<Database>, bureauId: number): Promise<BureauSettings> {
  if (!(await bureau(db, bureauId))) throw new NotFoundError('bureau', bureauId);
  const own = await db.selectFrom('bureau_settings').selectAll().where('bureau_id', '=', bureauId).executeTakeFirst();
  return {
    bureauId,
    version: own?.version ?? 0,
    own: {
      review: (own?.review ?? null) as ReviewSettings | null,
      monitoring: (own?.monitoring ?? null) as MonitoringSettings | null,
      evaluation: (own?.evaluation ?? null) as EvaluationSettings | null,
      formProfile: own?.form_profile ?? null,
    },
    effective: await effectiveSettings(db, bureauId),
  };
}

/**
 * Replaces what a bureau sets (null parts inherit again; a `review` or `formProfile` left out keeps
 * what is set).
 * `expected` is the version the caller saw (0 for none): a stale one changes nothing. Settings that
 * cannot classify or score (weights not adding up to 100, a red threshold below the yellow one, an
 * unknown rule …) are refused. Returns the new version.
 */
export async function putBureauSettings(
  db: Kysely<Database>,
  actor: Actor,
  bureauId: number,
  expected: number,
  settings: Omit<OwnSettings, 'review' | 'formProfile'> & { review?: ReviewSettings | null; formProfile?: string | null },
): Promise<number> {
  try {
    if (settings.formProfile != null && !profileById(settings.formProfile))
      throw new RangeError(`form profile ${settings.formProfile} is not one jixiao ships`);
    if (settings.review) checkReviewSettings(settings.review, RULE_IDS);
    if (settings.monitoring) checkMonitoringSettings(settings.monitoring);
    if (settings.evaluation) checkEvaluationSettings(settings.evaluation);
  } catch (e) {
    if (e instanceof RangeError) {
      const reason = e.message;
      throw new ActualsError('invalid', 'invalid_settings', (m: Messages['server']['actuals']) => m.invalidSettings(reason));
    }
    throw e;
  }
  return db.transaction().execute(async (trx) => {
    if (!(await bureau(trx, bureauId))) throw new NotFoundError('bureau', bureauId);
    const before = await trx.selectFrom('bureau_settings').selectAll().where('bureau_id', '=', bureauId).forUpdate().executeTakeFirst();
    const current = before?.version ?? 0;
    if (current !== expected) throw ActualsError.stale('bureauSettings', bureauId, current, expected);
    const review = settings.review === undefined ? (before?.review ?? null) : settings.review;
    const formProfile = settings.formProfile === undefined ? (before?.form_profile ?? null) : settings.formProfile;
    const values = {
      form_profile: formProfile,
      review: review === null ? null : JSON.stringify(review),
      monitoring: settings.monitoring === null ? null : JSON.stringify(settings.monitoring),
      evaluation: settings.evaluation === null ? null : JSON.stringify(settings.evaluation),
      updated_by_name: actor.name,
    };
    if (before)
      await trx
        .updateTable('bureau_settings')
        .set({ ...values, version: current + 1, updated_at: new Date() })
        .where('bureau_id', '=', bureauId)
        .execute();
    else
      await trx
        .insertInto('bureau_settings')
        .values({ bureau_id: bureauId, ...values })
        .execute();
    // The documents under the bureau are rebuilt by the background worker; the profile decides
    // which rules speak (weights, the 一级 set), so a new pick recounts the findings too.
    await enqueueBureau(trx, bureauId, settings.review !== undefined || settings.formProfile !== undefined);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'bureauSettings',
      entityId: bureauId,
      before: before
        ? { review: before.review, monitoring: before.monitoring, evaluation: before.evaluation, formProfile: before.form_profile }
        : null,
      after: settings,
    });
    return current + 1;
  });
}
