/**
 * A bureau's settings (审核规则, 运行监控, 绩效自评), saved as one version. When someone else saved
 * meanwhile the server answers 409: the newer version is loaded, the user's changes stay in the form,
 * and they choose to save theirs over it or to drop them — as in the editor, nothing is lost unseen.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiFailure, failureText } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { OwnSettings } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { UnsavedGuard } from '../form/unsaved.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { subtree } from './bureau-tree.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { queries, stale } from '../api/queries.ts';

export default function SettingsPage() {
  const w = useMessages().web;
  const m = w.settings;
  const { user } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [conflict, setConflict] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const bureaus = useQuery(queries.bureaus());
  const mine = user?.role === 'reviewer' && user.bureauId !== null ? subtree(bureaus.data ?? [], user.bureauId) : (bureaus.data ?? []);
  const bureauId = Number(params.get('bureauId')) || user?.bureauId || mine[0]?.id;
  const settings = useQuery({ ...queries.bureauSettings(bureauId!), enabled: bureauId !== undefined });
  const editable = user?.role === 'admin' || mine.some((b) => b.id === bureauId);

  const save = async (own: OwnSettings) => {
    try {
      const saved = await endpoints.saveBureauSettings(bureauId!, settings.data!.version, own);
      client.setQueryData(queries.bureauSettings(bureauId!).queryKey, saved);
      setConflict(null);
      message.success(m.saved(saved.version));
      // Lights, scores and live findings follow the new settings.
      await stale.everything(client);
    } catch (e) {
      if (e instanceof ApiFailure && e.isConflict) {
        setConflict(e.body.currentVersion ?? null);
        await settings.refetch();
      } else message.error(failureText(e, w.common.networkError));
      throw e;
    }
  };

  if (settings.error) return <Result status="error" title={settings.error.message} />;
  return (
    <UnsavedGuard>
      <div className="settings-page">
        <div className="page-head">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
          <Space wrap>
            <Select
              aria-label={w.common.bureau}
              value={bureauId}
              onChange={(v: number) => {
                setConflict(null);
                setParams({ bureauId: String(v) });
              }}
              options={mine.map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
              style={{ width: 220 }}
            />
            {settings.data && <Typography.Text type="secondary">{m.version(settings.data.version)}</Typography.Text>}
          </Space>
        </div>
        <Typography.Paragraph type="secondary">{m.help}</Typography.Paragraph>
        {conflict !== null && (
          <Alert
            type="warning"
            showIcon
            className="page-alert"
            title={m.conflict(conflict)}
            description={m.conflictHelp}
            action={
              <Button
                onClick={() => {
                  setConflict(null);
                  setGeneration((g) => g + 1);
                }}
              >
                {m.discard}
              </Button>
            }
          />
        )}
        {!settings.data ? (
          <PageLoading />
        ) : (
          <SettingsForm key={`${bureauId}-${generation}`} settings={settings.data} onSave={save} editable={editable} />
        )}
      </div>
    </UnsavedGuard>
  );
}
