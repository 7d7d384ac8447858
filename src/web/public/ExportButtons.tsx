/** The document's downloads as small buttons (Word, PDF, Excel, JSON, open data), once the server offers them. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useMessages } from '../app/locale.tsx';
import { exportUrl, useExportFormats } from './exports.ts';

export function ExportButtons({ documentId }: { documentId: number }) {
  const m = useMessages().web.exports;
  const formats = useExportFormats();
  if (formats.length === 0) return null;
  return (
    <Space size={4} wrap className="export-buttons" role="group" aria-label={m.label}>
      {formats.map((f) => (
        <Button key={f} size="small" icon={<DownloadOutlined />} href={exportUrl(documentId, f)} download title={m.formatTitle[f] ?? f}>
          {m.formatName[f] ?? f.toUpperCase()}
        </Button>
      ))}
    </Space>
  );
}
