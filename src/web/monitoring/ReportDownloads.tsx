/** A report's downloads (监控表, 自评表) as Excel and Word. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';

type Format = 'xlsx' | 'docx';

export function ReportDownloads({ url, labels }: { url: (format: Format) => string; labels: { exportXlsx: string; exportDocx: string } }) {
  return (
    <>
      <Button icon={<DownloadOutlined />} href={url('xlsx')} download>
        {labels.exportXlsx}
      </Button>
      <Button icon={<DownloadOutlined />} href={url('docx')} download>
        {labels.exportDocx}
      </Button>
    </>
  );
}
