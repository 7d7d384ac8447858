/**
 * Setting a fund's regional targets (设定): the 区域绩效目标表's header, goal and indicator rows and, on
 * a draft, what goes to each lower bureau — its money and its 指标值 per row (left empty, the fund's
 * own). Amounts stay text: they are exact decimals, never floats.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AllocationContent, FundContent } from '../../core/transfer/fund.ts';
import type { Bureau } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';

interface Values extends Omit<FundContent, 'amountCentral' | 'amountLocal'> {
  amountCentral?: string;
  amountLocal?: string;
  allocations?: Array<{ bureauId?: number; amount?: string; targets?: string[] }>;
}

const AMOUNT = /^[0-9]{1,12}(\.[0-9]{1,6})?$/;

export function FundEditor({
  initial,
  regions,
  saving,
  onSave,
  actions,
}: {
  initial: FundContent & { allocations?: AllocationContent[] };
  /** The bureaus it may go to; null: the regions are set later (a new fund). */
  regions: readonly Bureau[] | null;
  saving: boolean;
  onSave: (fund: FundContent, allocations: AllocationContent[]) => void;
  actions?: ReactNode;
}) {
  const m = useMessages().transfer.page;
  const required = (label: string) => [{ required: true, whitespace: true, message: m.required(label) }];
  const amount = (label: string, optional = false) => [
    { required: !optional, message: m.required(label) },
    { pattern: AMOUNT, message: m.badAmount(label) },
  ];
  const [form] = Form.useForm<Values>();
  const indicators = Form.useWatch('indicators', form) ?? initial.indicators;

  const finish = (v: Values) => {
    const rows = v.indicators.map((r) => ({
      level1: r.level1.trim(),
      level2: r.level2.trim(),
      level3: r.level3.trim(),
      target: (r.target ?? '').trim(),
    }));
    const fund: FundContent = {
      year: v.year,
      code: v.code.trim(),
      name: v.name.trim(),
      department: (v.department ?? '').trim(),
      amount: v.amount.trim(),
      amountCentral: v.amountCentral?.trim() || null,
      amountLocal: v.amountLocal?.trim() || null,
      goal: (v.goal ?? '').trim(),
      indicators: rows,
    };
    const allocations = (v.allocations ?? []).map((a) => ({
      bureauId: a.bureauId!,
      amount: (a.amount ?? '').trim(),
      targets: rows.map((r, k) => a.targets?.[k]?.trim() || r.target),
    }));
    onSave(fund, allocations);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="transfer-editor"
      initialValues={{ ...initial, amountCentral: initial.amountCentral ?? undefined, amountLocal: initial.amountLocal ?? undefined }}
      onFinish={finish}
    >
      <Space wrap align="start">
        <Form.Item name="year" label={m.year} rules={[{ required: true, message: m.required(m.year) }]}>
          <InputNumber aria-label={m.year} min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="code" label={m.code} rules={required(m.code)}>
          <Input aria-label={m.code} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="name" label={m.name} rules={required(m.name)}>
          <Input aria-label={m.name} style={{ width: 360 }} />
        </Form.Item>
        <Form.Item name="department" label={m.department}>
          <Input aria-label={m.department} style={{ width: 200 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="amount" label={m.amount} rules={amount(m.amount)}>
          <Input aria-label={m.amount} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="amountCentral" label={m.central} rules={amount(m.central, true)}>
          <Input aria-label={m.central} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="amountLocal" label={m.local} rules={amount(m.local, true)}>
          <Input aria-label={m.local} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="goal" label={m.goal}>
        <Input.TextArea aria-label={m.goal} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Typography.Title level={5}>{m.indicators}</Typography.Title>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, k) => (
              <Space key={field.key} align="start" className="transfer-indicator-row" data-testid="fund-indicator">
                {(['level1', 'level2', 'level3', 'target'] as const).map((key) => (
                  <Form.Item key={key} name={[field.name, key]} rules={key === 'target' ? [] : required(m[key])}>
                    <Input aria-label={`${m[key]} ${k + 1}`} placeholder={m[key]} style={{ width: key === 'level3' ? 260 : 140 }} />
                  </Form.Item>
                ))}
                <Button aria-label={`${m.remove} ${k + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({ level1: '', level2: '', level3: '', target: '' })}>
                {m.addIndicator}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      {regions && (
        <>
          <Typography.Title level={5}>{m.allocations}</Typography.Title>
          <Form.List name="allocations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" className="transfer-allocation-edit" data-testid="allocation-edit">
                    <Space wrap align="start">
                      <Form.Item
                        name={[field.name, 'bureauId']}
                        label={m.region}
                        rules={[{ required: true, message: m.required(m.region) }]}
                      >
                        <Select
                          aria-label={`${m.region} ${i + 1}`}
                          style={{ width: 220 }}
                          showSearch
                          optionFilterProp="label"
                          options={regions.map((b) => ({ value: b.id, label: b.name }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amount']} label={m.amount} rules={amount(m.amount)}>
                        <Input aria-label={`${m.amount} ${i + 1}`} style={{ width: 140 }} />
                      </Form.Item>
                      {indicators.map((row, k) => (
                        <Form.Item
                          key={`${field.key}-${k}`}
                          name={[field.name, 'targets', k]}
                          label={m.regionTarget(row?.level3 || String(k + 1))}
                        >
                          <Input
                            aria-label={`${m.regionTarget(row?.level3 || String(k + 1))} ${i + 1}`}
                            placeholder={row?.target}
                            style={{ width: 140 }}
                          />
                        </Form.Item>
                      ))}
                      <Button
                        aria-label={`${m.remove} ${m.region} ${i + 1}`}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  </Card>
                ))}
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ targets: [] })}>
                    {m.addRegion}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        </>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {m.save}
        </Button>
        {actions}
      </Space>
    </Form>
  );
}
