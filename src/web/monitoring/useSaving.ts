/** A form's save: busy while it runs; a failure is said in a message and the form keeps what was entered. */
import { App } from 'antd';
import { useState } from 'react';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';

export function useSaving(): [saving: boolean, run: (save: () => Promise<void>) => Promise<void>] {
  const { message } = App.useApp();
  const fallback = useMessages().web.common.networkError;
  const [saving, setSaving] = useState(false);
  const run = async (save: () => Promise<void>) => {
    setSaving(true);
    try {
      await save();
    } catch (e) {
      message.error(failureText(e, fallback));
    } finally {
      setSaving(false);
    }
  };
  return [saving, run];
}
