/**
 * The form of a library entry: a unit's application (申请入库), a reviewer's entry added to its
 * bureau's library at once, or a change to an entry (修改), filled with what it holds. 一级 and 二级
 * offer the 2021 framework's names and take any other. Texts keep to the limits the server holds
 * them to, and an error is said under its field with the field's name — the server's too, when it
 * names the field (a 422 with its path).
 */
import { AutoComplete, Button, Form, type FormRule, Input, Modal, Select } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { frameworkOf } from '../../core/framework/framework.ts';
import { FIELD_NAMES, FIELDS } from '../../core/library/fields.ts';
import { TEXT_LIMITS } from '../../core/model/text-limits.ts';
import { useMessages } from '../app/locale.tsx';
import { type EntryContent, entryFieldOf } from './library-api.ts';

const FRAMEWORK = frameworkOf('2021');
const DIRECTIONS = ['higher', 'lower', 'exact'] as const;

/** The most each text holds: the entry's schema's limits (src/core/library/entry.ts). */
const LIMITS = {
  level1: TEXT_LIMITS.level1,
  level2: TEXT_LIMITS.level2,
  level3: TEXT_LIMITS.level3,
  description: TEXT_LIMITS.description,
  unit: TEXT_LIMITS.measureUnit,
  target: TEXT_LIMITS.target,
  explanation: TEXT_LIMITS.explanation,
  method: TEXT_LIMITS.explanation,
  dataSource: TEXT_LIMITS.basis,
} as const;

export function EntryForm({
  mode,
  open,
  initial,
  saving,
  notice,
  onSubmit,
  onClose,
}: {
  mode: 'apply' | 'add' | 'edit';
  open: boolean;
  /** What the form starts with: the entry being changed. */
  initial?: EntryContent;
  saving: boolean;
  /** Said above the fields (an edit that met a newer version); it also holds the form back from saving. */
  notice?: ReactNode;
  /** Rejects with the server's refusal; one that names a field is shown under it. */
  onSubmit: (entry: EntryContent) => Promise<unknown>;
  onClose: () => void;
}) {
  const m = useMessages().library.page;
  const f = m.form;
  const [form] = Form.useForm<EntryContent>();
  const level1 = Form.useWatch('level1', form);
  const level2Options = useMemo(() => {
    const chosen = FRAMEWORK.find((l) => l.name === level1);
    return (chosen ? [chosen] : FRAMEWORK).flatMap((l) => l.level2.map((l2) => ({ value: l2.name })));
  }, [level1]);
  const rules = (field: keyof typeof LIMITS, required = false): FormRule[] => [
    ...(required ? [{ required: true, whitespace: true, message: f.required(f[field]) }] : []),
    { max: LIMITS[field], message: f.tooLong(f[field], LIMITS[field]) },
  ];
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const submit = async (entry: EntryContent) => {
    try {
      await onSubmit(entry);
    } catch (e) {
      const field = entryFieldOf(e);
      if (field !== null) form.setFields([{ name: field, errors: [(e as Error).message] }]);
    }
  };
  const title = mode === 'apply' ? f.applyTitle : mode === 'add' ? f.addTitle : f.editTitle(initial?.level3 ?? '');

  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      {notice}
      <Form<EntryContent>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) =>
          submit({
            level1: v.level1.trim(),
            level2: v.level2.trim(),
            level3: v.level3.trim(),
            description: v.description?.trim() ?? '',
            unit: text(v.unit ?? undefined),
            direction: v.direction ?? null,
            target: text(v.target ?? undefined),
            explanation: text(v.explanation ?? undefined),
            method: text(v.method ?? undefined),
            dataSource: text(v.dataSource ?? undefined),
            field: v.field,
          })
        }
      >
        <Form.Item name="level1" label={f.level1} rules={rules('level1', true)}>
          <AutoComplete aria-label={f.level1} options={FRAMEWORK.map((l) => ({ value: l.name }))} />
        </Form.Item>
        <Form.Item name="level2" label={f.level2} rules={rules('level2', true)}>
          <AutoComplete aria-label={f.level2} options={level2Options} />
        </Form.Item>
        <Form.Item name="level3" label={f.level3} rules={rules('level3', true)}>
          <Input aria-label={f.level3} />
        </Form.Item>
        <Form.Item name="description" label={f.description} rules={rules('description')}>
          <Input.TextArea aria-label={f.description} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="unit" label={f.unit} rules={rules('unit')}>
          <Input aria-label={f.unit} />
        </Form.Item>
        <Form.Item name="direction" label={f.direction}>
          <Select aria-label={f.direction} allowClear options={DIRECTIONS.map((d) => ({ value: d, label: m.directions[d] }))} />
        </Form.Item>
        <Form.Item name="target" label={f.target} rules={rules('target')}>
          <Input aria-label={f.target} />
        </Form.Item>
        <Form.Item name="field" label={f.field} rules={[{ required: true, message: f.required(f.field) }]}>
          <Select
            aria-label={f.field}
            showSearch={{ optionFilterProp: 'label' }}
            options={FIELDS.map((x) => ({ value: x, label: FIELD_NAMES[x] }))}
          />
        </Form.Item>
        <Form.Item name="explanation" label={f.explanation} rules={rules('explanation')}>
          <Input.TextArea aria-label={f.explanation} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="method" label={f.method} rules={rules('method')}>
          <Input aria-label={f.method} />
        </Form.Item>
        <Form.Item name="dataSource" label={f.dataSource} rules={rules('dataSource')}>
          <Input aria-label={f.dataSource} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={Boolean(notice)}>
          {mode === 'apply' ? f.submitApply : mode === 'add' ? f.submitAdd : f.submitEdit}
        </Button>
      </Form>
    </Modal>
  );
}
