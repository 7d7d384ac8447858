/**
 * The form of a new library entry: a unit's application (申请入库) or a reviewer's entry added to
 * its bureau's library at once. 一级 and 二级 offer the 2021 framework's names and take any other.
 */
import { AutoComplete, Button, Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { frameworkOf } from '../../core/framework/framework.ts';
import { FIELD_NAMES, FIELDS } from '../../core/library/fields.ts';
import { useMessages } from '../app/locale.tsx';
import type { EntryContent } from './library-api.ts';

const FRAMEWORK = frameworkOf('2021');
const DIRECTIONS = ['higher', 'lower', 'exact'] as const;

export function EntryForm({
  mode,
  open,
  saving,
  onSubmit,
  onClose,
}: {
  mode: 'apply' | 'add';
  open: boolean;
  saving: boolean;
  onSubmit: (entry: EntryContent) => void;
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
  const required = [{ required: true, whitespace: true, message: f.required }];
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

  return (
    <Modal open={open} title={mode === 'apply' ? f.applyTitle : f.addTitle} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form<EntryContent>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          onSubmit({
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
        <Form.Item name="level1" label={f.level1} rules={required}>
          <AutoComplete aria-label={f.level1} options={FRAMEWORK.map((l) => ({ value: l.name }))} />
        </Form.Item>
        <Form.Item name="level2" label={f.level2} rules={required}>
          <AutoComplete aria-label={f.level2} options={level2Options} />
        </Form.Item>
        <Form.Item name="level3" label={f.level3} rules={required}>
          <Input aria-label={f.level3} maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={f.description}>
          <Input.TextArea aria-label={f.description} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="unit" label={f.unit}>
          <Input aria-label={f.unit} maxLength={30} />
        </Form.Item>
        <Form.Item name="direction" label={f.direction}>
          <Select aria-label={f.direction} allowClear options={DIRECTIONS.map((d) => ({ value: d, label: m.directions[d] }))} />
        </Form.Item>
        <Form.Item name="target" label={f.target}>
          <Input aria-label={f.target} />
        </Form.Item>
        <Form.Item name="field" label={f.field} rules={[{ required: true, message: f.required }]}>
          <Select
            aria-label={f.field}
            showSearch={{ optionFilterProp: 'label' }}
            options={FIELDS.map((x) => ({ value: x, label: FIELD_NAMES[x] }))}
          />
        </Form.Item>
        <Form.Item name="explanation" label={f.explanation}>
          <Input.TextArea aria-label={f.explanation} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="method" label={f.method}>
          <Input aria-label={f.method} />
        </Form.Item>
        <Form.Item name="dataSource" label={f.dataSource}>
          <Input aria-label={f.dataSource} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {mode === 'apply' ? f.submitApply : f.submitAdd}
        </Button>
      </Form>
    </Modal>
  );
}
