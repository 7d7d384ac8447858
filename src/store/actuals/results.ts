/**
 * Monitoring and self-evaluation of a stored document: its targets, its actuals (as the core reads
 * them) and its bureau's settings, handed to the pure core. What the API, the exports and the
 * published self-evaluation all compute from.
 */
import { evaluateDocument, type DepartmentEvaluation } from '../../core/evaluation/department.ts';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import { monitorDocument, type UnitMonitoring } from '../../core/monitoring/monitor.ts';
import type { Finding } from '../../core/review/finding.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { messagesFor, type Locale } from '../../i18n/index.ts';
import { modelOf, readDocument, type DocumentMeta } from '../documents/read.ts';
import { NotFoundError } from '../errors.ts';
import { documentProfile, effectiveSettings, type EffectiveSettings } from '../settings.ts';
import { coreActuals, documentRecords, orphanCount, type DocumentRecords } from './records.ts';
import type { Db } from '../schema.ts';
import { formerProjects, supersededContent } from '../adjustments/in-force.ts';

export interface StoredActuals {
  meta: DocumentMeta;
  model: TargetDocument;
  /** The storage id of each of the model's projects, in order. */
  projectIds: number[];
  records: DocumentRecords;
  settings: EffectiveSettings;
  orphans: number;
}

/**
 * `on`: a date whose targets in force to judge by (../adjustments/in-force.ts); by default the
 * document's current ones. Former targets have no stored rows: their projects take the id of the
 * current project with their code (-1 where none is).
 */
export async function storedActuals(db: Db, documentId: number, on?: IsoDate): Promise<StoredActuals> {
  const doc = await readDocument(db, documentId);
  if (!doc) throw new NotFoundError('document', documentId);
  const former = on === undefined ? null : await supersededContent(db, documentId, on);
  const live = former ? formerProjects(former, doc.projects) : doc.projects;
  const records = await documentRecords(db, documentId, live);
  return {
    meta: doc.meta,
    model: former ?? modelOf(doc),
    projectIds: live.map((p) => (p.id > 0 ? p.id : -1)),
    records,
    settings: await effectiveSettings(db, doc.meta.bureauId),
    orphans: orphanCount(records),
  };
}

/** The finding that records were left out because their project or row no longer exists. */
function orphanFinding(n: number, locale: Locale): Finding[] {
  if (n === 0) return [];
  const m = messagesFor(locale).server.actuals.orphans;
  return [
    {
      ruleId: 'actuals.orphaned',
      severity: 'warning',
      projectCode: null,
      indicatorIndex: null,
      field: 'actuals',
      message: m.message(n),
      suggestion: m.suggestion,
      source: '',
    },
  ];
}

export function monitorStored(s: StoredActuals, date: IsoDate, locale: Locale): UnitMonitoring {
  const result = monitorDocument(s.model, coreActuals(s.records), date, { settings: s.settings.monitoring.settings, locale });
  return { ...result, findings: [...orphanFinding(s.orphans, locale), ...result.findings] };
}

export function evaluateStored(s: StoredActuals, asOf: IsoDate | null, locale: Locale): DepartmentEvaluation {
  const result = evaluateDocument(s.model, coreActuals(s.records), {
    settings: s.settings.evaluation.settings,
    profile: documentProfile(s.settings, s.model.year),
    locale,
    ...(asOf === null ? {} : { asOf }),
  });
  return { ...result, findings: [...orphanFinding(s.orphans, locale), ...result.findings] };
}
