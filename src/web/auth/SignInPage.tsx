import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { homeOf, mayOpen, PASSWORD_PAGE, useSetSession } from './session.ts';

export default function SignInPage() {
  const m = useMessages().web;
  const navigate = useNavigate();
  const location = useLocation();
  const setSession = useSetSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await endpoints.login(values.username.trim(), values.password);
      setSession(user);
      const next = from !== undefined && mayOpen(user, from) ? from : undefined;
      if (user.mustChangePassword) navigate(PASSWORD_PAGE, { replace: true, state: { from: next } });
      else navigate(next ?? homeOf(user), { replace: true });
    } catch (e) {
      setError(e instanceof ApiFailure && e.message ? e.message : m.common.networkError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.signIn.title}
          </Typography.Title>
        }
        className="sign-in-card"
      >
        <Typography.Paragraph type="secondary">{m.signIn.subtitle}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={m.signIn.failed} description={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={m.signIn.username} name="username" rules={[{ required: true, message: m.signIn.required }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={m.signIn.password} name="password" rules={[{ required: true, message: m.signIn.required }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {m.signIn.submit}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/public">{m.signIn.publicLink}</Link>
        </div>
      </Card>
    </div>
  );
}
