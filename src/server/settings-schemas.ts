/**
 * Schemas of a bureau's settings endpoints: the review, monitoring and self-evaluation settings are
 * the core's own schemas (src/core/review/settings.ts, src/core/monitoring/settings.ts,
 * src/core/evaluation/settings.ts), and the form profile an id of src/core/forms/profiles.ts, here
 * with what the bureau set itself and what applies.
 */
import Type from 'typebox';
import { EvaluationSettings } from '../core/evaluation/settings.ts';
import { MonitoringSettings } from '../core/monitoring/settings.ts';
import { ReviewSettings } from '../core/review/settings.ts';
import { Nullable } from './schemas.ts';

/** A shipped profile's id; null: none picked, each year's default applies (hebei-2020 before 2021, mof-2021 from then). */
export const FormProfileId = Nullable(
  Type.String({ maxLength: 100, description: 'form profile id, e.g. "hebei-2020"; null: the default of each year' }),
);

const Source = Nullable(Type.Object({ bureauId: Type.Integer(), bureauName: Type.String() }, { description: 'null: jixiao’s defaults' }));
export const BureauSettings = Type.Object({
  bureauId: Type.Integer(),
  version: Type.Integer({ description: '0 while the bureau has set nothing; send it in If-Match with a PUT' }),
  own: Type.Object({
    review: Nullable(ReviewSettings),
    monitoring: Nullable(MonitoringSettings),
    evaluation: Nullable(EvaluationSettings),
    formProfile: FormProfileId,
  }),
  effective: Type.Object({
    review: Type.Object({ settings: ReviewSettings, source: Source }),
    monitoring: Type.Object({ settings: MonitoringSettings, source: Source }),
    evaluation: Type.Object({ settings: EvaluationSettings, source: Source }),
    formProfile: Type.Object({ settings: FormProfileId, source: Source }),
  }),
});
