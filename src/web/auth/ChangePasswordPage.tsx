/**
 * 修改密码, for every signed-in user; the only page a user with a one-time password can reach until
 * it is replaced (the API refuses everything else meanwhile).
 */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '../../core/accounts/password-policy.ts';
import { endpoints } from '../api/endpoints.ts';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { homeOf, mayOpen, useSession, useSetSession } from './session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const m = useMessages().web;
  const p = m.password;
  const { user, loading } = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (loading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await endpoints.changePassword(values.currentPassword, values.newPassword);
      const wasOneTime = user.mustChangePassword;
      setSession(changed);
      // A forced change goes on to where the user was heading; a voluntary one stays to say it is done.
      if (wasOneTime) navigate(from !== undefined && mayOpen(changed, from) ? from : homeOf(changed), { replace: true });
      else setDone(true);
    } catch (e) {
      setError(failureText(e, m.common.networkError));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {p.title}
          </Typography.Title>
        }
        className="sign-in-card"
      >
        {user.mustChangePassword && <Alert type="warning" showIcon title={p.oneTime} style={{ marginBottom: 16 }} />}
        {done && <Alert type="success" showIcon title={p.done} style={{ marginBottom: 16 }} role="status" />}
        {error && <Alert type="error" showIcon title={p.failed} description={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          {/* The user name lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item label={p.current} name="currentPassword" rules={[{ required: true, message: m.signIn.required }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={p.next}
            name="newPassword"
            rules={[
              { required: true, message: m.signIn.required },
              { min: MIN_PASSWORD_LENGTH, message: p.tooShort(MIN_PASSWORD_LENGTH) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={p.confirm}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: m.signIn.required },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(p.mismatch)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {p.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
