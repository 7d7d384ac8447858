/** The 文号, title, date, text (and, for a new notice, the year) of an approval notice, in a dialog. */
import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMessages } from '../app/locale.tsx';
import type { NoticeFields } from './notice-api.ts';

interface Values {
  number: string;
  title: string;
  date: Dayjs;
  body?: string;
  year?: number;
}

export function NoticeForm({
  title,
  initial,
  withYear = false,
  busy,
  onCancel,
  onSubmit,
}: {
  title: string;
  initial?: NoticeFields;
  withYear?: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (v: NoticeFields & { year?: number }) => void;
}) {
  const m = useMessages().notices.page;
  const required = useMessages().web.signIn.required;
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={title} onCancel={onCancel} onOk={() => form.submit()} okText={m.save} confirmLoading={busy} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial ? { ...initial, date: dayjs(initial.date) } : { year: new Date().getFullYear(), date: dayjs(), body: '' }}
        onFinish={(v) =>
          onSubmit({
            number: v.number,
            title: v.title,
            date: v.date.format('YYYY-MM-DD'),
            body: v.body ?? '',
            ...(withYear ? { year: v.year } : {}),
          })
        }
      >
        {withYear && (
          <Form.Item name="year" label={m.year} rules={[{ required: true, message: required }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
        )}
        <Form.Item name="number" label={m.number} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input maxLength={100} placeholder="怀财绩〔2020〕3号" />
        </Form.Item>
        <Form.Item name="title" label={m.noticeTitle} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="date" label={m.date} rules={[{ required: true, message: required }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="body" label={m.body}>
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
