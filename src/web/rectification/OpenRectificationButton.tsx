/**
 * 下达整改 beside a finding (the review page, the self-evaluation page, an accepted evaluation's
 * findings): a reviewer writes what the unit must do and by when; the finding's text goes with the
 * item as it reads now.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RectificationSource } from '../../core/rectification/item.ts';
import type { Finding } from '../../core/review/finding.ts';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { rectificationApi, staleRectifications } from './api.ts';

/** What the item copies from its finding: a review finding is one; an evaluation's is made into one. */
export type FindingForItem = Pick<Finding, 'projectCode' | 'indicatorIndex' | 'field' | 'message' | 'suggestion'> & {
  severity: Finding['severity'] | null;
};

interface Props {
  documentId: number;
  finding: FindingForItem;
  source: RectificationSource;
}

export function OpenRectificationButton({ documentId, finding, source }: Props) {
  const msgs = useMessages();
  const m = msgs.rectification;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [requirement, setRequirement] = useState(finding.suggestion);
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs().add(30, 'day'));
  const create = useMutation({
    mutationFn: () =>
      rectificationApi.open({
        documentId,
        projectCode: finding.projectCode,
        indicatorIndex: finding.indicatorIndex,
        field: finding.field,
        severity: finding.severity,
        finding: finding.message,
        suggestion: finding.suggestion,
        requirement: requirement.trim(),
        source,
        deadline: deadline!.format('YYYY-MM-DD'),
      }),
    onSuccess: async () => {
      message.success(m.open.done);
      setOpen(false);
      await staleRectifications(client);
    },
    onError: (e) => message.error(failureText(e, msgs.web.common.networkError)),
  });
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        {m.open.button}
      </Button>
      <Modal
        open={open}
        title={m.open.title}
        okText={m.open.submit}
        okButtonProps={{ disabled: deadline === null, loading: create.isPending }}
        onOk={() => create.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={m.fields.finding}>
            <Typography.Paragraph className="rectification-finding">{finding.message}</Typography.Paragraph>
          </Form.Item>
          <Form.Item label={m.fields.requirement}>
            <Input.TextArea
              aria-label={m.fields.requirement}
              placeholder={m.open.requirementPlaceholder}
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              value={requirement}
              onChange={(e) => setRequirement(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={m.fields.deadline}>
            <DatePicker aria-label={m.fields.deadline} value={deadline} onChange={setDeadline} allowClear={false} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
