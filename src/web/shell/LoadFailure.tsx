/** A page whose data the server refused (403) or could not give. */
import { Result } from 'antd';
import { ApiFailure } from '../api/client.ts';

export function LoadFailure({ error }: { error: Error }) {
  return <Result status={error instanceof ApiFailure && error.status === 403 ? '403' : 'error'} title={error.message} />;
}
