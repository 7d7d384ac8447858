/**
 * Writing one actuals record the way the editor writes a document: nothing the user typed is lost
 * to someone else's write, nor anyone else's to theirs.
 *
 * - The place and date already hold a record (409 actual_exists): the user sees it beside what they
 *   typed and chooses to put their figures into it (the fields they left empty keep its values) or
 *   to leave it — their input stays in the form either way until they save or clear it.
 * - The record changed since they opened it (409 stale_version): their changes are re-applied field
 *   by field over the newer record (mergeRecord of src/core/model/merge.ts: what they changed is theirs, every other field
 *   the newer value) and saved, and they are told so.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, Descriptions } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ProjectRecords, RecordInputs, RecordKind, RecordsOf } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import type { Messages } from '../../i18n/index.ts';
import { mergeRecord } from '../../core/model/merge.ts';
import { stale } from '../api/queries.ts';

const LISTS: Record<RecordKind, keyof Omit<ProjectRecords, 'recording'>> = {
  spending: 'spending',
  values: 'values',
  'monitoring-notes': 'monitoringNotes',
  'evaluation-notes': 'evaluationNotes',
};

/** The fields of a record a write sends (its place stays where it is), per kind. */
const FIELDS: { [K in RecordKind]: (r: RecordsOf[K]) => Omit<RecordInputs[K], 'index'> } = {
  spending: (x) => ({ date: x.date, cumulative: x.cumulative, note: x.note }),
  values: (x) => ({ date: x.date, value: x.value, note: x.note }),
  'monitoring-notes': (x) => ({
    date: x.date,
    cause: x.cause,
    likelihood: x.likelihood,
    measure: x.measure,
    expectedYearEnd: x.expectedYearEnd,
  }),
  'evaluation-notes': (x) => ({
    notApplicable: x.notApplicable,
    notApplicableReason: x.notApplicableReason,
    analysis: x.analysis,
    points: x.points,
    gradePercent: x.gradePercent,
    adjustedBudget: x.adjustedBudget,
    results: x.results,
  }),
};

export const inputOf = <K extends RecordKind>(kind: K, r: RecordsOf[K]): Omit<RecordInputs[K], 'index'> => FIELDS[kind](r);

/** A record's fields with nothing filled in: what "the user left this empty" is compared with. */
const BLANK: { [K in RecordKind]: Omit<RecordInputs[K], 'index'> } = {
  spending: { date: '', cumulative: '', note: '' },
  values: { date: '', value: '', note: '' },
  'monitoring-notes': { date: '', cause: null, likelihood: null, measure: '', expectedYearEnd: '' },
  'evaluation-notes': {
    notApplicable: false,
    notApplicableReason: '',
    analysis: '',
    points: null,
    gradePercent: null,
    adjustedBudget: null,
    results: '',
  },
};

const withoutIndex = <T extends object>(input: T): Omit<T, 'index'> => {
  const { index: _index, ...rest } = input as T & { index?: unknown };
  return rest;
};

/** A record in one line, as the user would say it: "35.00 万元（2020-06-30）". */
export function describeRecord(kind: RecordKind, record: object, messages: Messages): string {
  const m = messages.web.actuals.describe;
  const r: Record<string, unknown> = Object.fromEntries(Object.entries(record));
  const text = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  switch (kind) {
    case 'spending':
      return m.spending(text('cumulative'), text('date'), text('note'));
    case 'values':
      return m.value(text('value'), text('date'), text('note'));
    case 'monitoring-notes': {
      const cause = r.cause as { category: keyof Messages['monitoring']['causeCategories']; text: string } | null | undefined;
      const likelihood = r.likelihood as keyof Messages['monitoring']['likelihoods'] | null | undefined;
      return m.note(
        text('date'),
        cause ? `${messages.monitoring.causeCategories[cause.category]} ${cause.text}` : '',
        likelihood ? messages.monitoring.likelihoods[likelihood] : '',
        text('measure'),
      );
    }
    default:
      return m.evaluation(text('analysis'), text('results'), r.notApplicable === true);
  }
}

export function confirmAsync(modal: HookAPI, config: Parameters<HookAPI['confirm']>[0]): Promise<boolean> {
  return new Promise((resolve) => modal.confirm({ ...config, onOk: () => resolve(true), onCancel: () => resolve(false) }));
}

export type RecordWriter = <K extends RecordKind>(
  kind: K,
  place: { documentId: number; projectId: number },
  input: RecordInputs[K],
  base: RecordsOf[K] | null,
) => Promise<RecordsOf[K] | null>;

/**
 * Refetches what a change to a project's records moves: its records, the document's monitoring,
 * evaluation, dashboard and audit trail, and the warning list.
 */
export function useRecordsRefresh(): (documentId: number, projectId: number) => Promise<void> {
  const client = useQueryClient();
  return (documentId, projectId) => stale.records(client, documentId, projectId);
}

/**
 * Writes a record (`base`: the stored record the user changed, null for a new one) and refreshes
 * what shows it. Resolves to the record written, or null when the user chose to leave a record
 * that was already there; other failures reject (the caller keeps the form and says why).
 */
export function useRecordWriter(): RecordWriter {
  const { modal, message } = App.useApp();
  const messages = useMessages();
  const m = messages.web.actuals;
  const describe = (kind: RecordKind, r: object) => describeRecord(kind, r, messages);
  const refresh = useRecordsRefresh();

  return async (kind, place, input, base) => {
    const reload = async (id: number) => {
      const records = (await endpoints.projectRecords(place.projectId))[LISTS[kind]] as Array<RecordsOf[typeof kind]>;
      return records.find((r) => r.id === id) ?? null;
    };
    try {
      if (base)
        return (await endpoints.updateRecord(kind, base.id, base.version, withoutIndex(input) as Omit<RecordInputs[typeof kind], 'index'>))
          .record;
      return (await endpoints.createRecord(kind, place.projectId, input)).record;
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      const existing = e.existing;
      if (existing) {
        const theirs = await reload(existing.id);
        if (!theirs) throw e;
        const replace = await confirmAsync(modal, {
          title: m.exists.title,
          width: 560,
          content: (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={m.exists.theirs(theirs.recordedBy)}>{describe(kind, theirs)}</Descriptions.Item>
              <Descriptions.Item label={m.exists.mine}>{describe(kind, input)}</Descriptions.Item>
            </Descriptions>
          ),
          okText: m.exists.replace,
          cancelText: m.exists.keep,
        });
        if (!replace) return null;
        const merged = mergeRecord(BLANK[kind] as object, withoutIndex(input), inputOf(kind, theirs)) as Omit<
          RecordInputs[typeof kind],
          'index'
        >;
        return (await endpoints.updateRecord(kind, theirs.id, theirs.version, merged)).record;
      }
      if (e.isConflict && base) {
        const theirs = await reload(base.id);
        if (!theirs) {
          message.warning(m.deletedMeanwhile);
          return (await endpoints.createRecord(kind, place.projectId, input)).record;
        }
        const merged = mergeRecord(inputOf(kind, base) as object, withoutIndex(input), inputOf(kind, theirs)) as Omit<
          RecordInputs[typeof kind],
          'index'
        >;
        const written = (await endpoints.updateRecord(kind, theirs.id, theirs.version, merged)).record;
        message.warning(m.mergedMeanwhile);
        return written;
      }
      throw e;
    } finally {
      void refresh(place.documentId, place.projectId);
    }
  };
}
