/** A file dropped or chosen for an import: read by the caller (nothing is uploaded by the control itself), its name shown once chosen. */
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

interface Props {
  accept: string;
  /** The chosen file, named under the prompt. */
  file: File | null;
  /** While the file is being read: says so instead of the prompt. */
  reading: boolean;
  disabled: boolean;
  labels: { drop: string; reading: string };
  onFile: (file: File) => void;
  className?: string;
}

export function FileDrop({ accept, file, reading, disabled, labels, onFile, className }: Props) {
  return (
    <Upload.Dragger
      className={className}
      accept={accept}
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(f) => {
        onFile(f);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{reading ? labels.reading : labels.drop}</p>
      {file && <p className="muted">{file.name}</p>}
    </Upload.Dragger>
  );
}
