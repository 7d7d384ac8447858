/** A units file uploaded by an admin: the bureaus and units it names created at once (POST /api/admin/units/bulk). */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal } from 'antd';
import { useState } from 'react';
import { endpoints } from '../api/endpoints.ts';
import { stale } from '../api/queries.ts';
import { useMessages } from '../app/locale.tsx';
import { FileDrop } from '../import/FileDrop.tsx';

export function UnitsUpload() {
  const all = useMessages();
  const m = all.bulk.upload;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: endpoints.bulkUnits,
    onSuccess: async (r) => {
      setOpen(false);
      setFile(null);
      message.success(all.bulk.command.units(r.bureausCreated, r.unitsCreated, r.existing));
      await Promise.all([stale.units(client), stale.bureaus(client)]);
    },
  });
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {m.button}
      </Button>
      <Modal open={open} title={m.title} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <p className="muted">{m.hint}</p>
        <FileDrop
          accept=".csv,.xlsx"
          file={file}
          reading={upload.isPending}
          disabled={upload.isPending}
          labels={{ drop: m.drop, reading: m.reading }}
          onFile={(f) => {
            setFile(f);
            upload.mutate(f);
          }}
        />
        {upload.isError && <Alert type="error" showIcon message={upload.error.message || all.web.common.networkError} />}
      </Modal>
    </>
  );
}
