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

export interface StoredActuals {
  meta: DocumentMeta;
  model: TargetDocument;
  /** The storage id of each of the model's projects, in order. */
  projectIds: number[];
  records: DocumentRecords;
  settings: EffectiveSettings;
  orphans: number;
}

export async function storedActuals(db: Db, documentId: number): Promise<StoredActuals> {
  const doc = await readDocument(db, documentId);
  if (!doc) throw new NotFoundError('document', documentId);
  const records = await documentRecords(db, documentId, doc.projects);
  return {
    meta: doc.meta,
    model: modelOf(doc),
    projectIds: doc.projects.map((p) => p.id),
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
