/**
 * 同类比较 beside a published indicator: how many targets other units set for the same measure,
 * their lowest, median, highest and typical value, and a few of those uses — asked only when opened.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiFailure, failureText } from '../api/client.ts';
import { queries } from '../api/queries.ts';
import { useMessages } from '../app/locale.tsx';

/** The uses listed under the figures; the rest are in the count. */
const USES_SHOWN = 5;

export function PeerComparison({ indicatorId, label }: { indicatorId: number; label: string }) {
  const m = useMessages().web.peers;
  const [open, setOpen] = useState(false);
  return (
    <Popover
      trigger="click"
      open={open}
      // The button opens and closes it itself; the popover closes it on a click elsewhere or Escape.
      onOpenChange={(next) => !next && setOpen(false)}
      placement="bottomLeft"
      content={open && <PeerFigures indicatorId={indicatorId} />}
      destroyOnHidden
    >
      <Button
        type="link"
        size="small"
        className="peer-compare"
        aria-label={m.openNamed(label)}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {m.open}
      </Button>
    </Popover>
  );
}

function PeerFigures({ indicatorId }: { indicatorId: number }) {
  const w = useMessages().web;
  const m = w.peers;
  const peers = useQuery(queries.publicPeers(indicatorId));
  if (peers.error) {
    // 404: the row has no peers to show (or is not published any more): nothing to compare, not a failure.
    if (peers.error instanceof ApiFailure && peers.error.status === 404)
      return <Typography.Text type="secondary">{m.none}</Typography.Text>;
    return <Alert type="error" showIcon title={failureText(peers.error, w.common.networkError)} />;
  }
  if (!peers.data) return <Spin size="small" />;
  const p = peers.data;
  if (p.count === 0) return <Typography.Text type="secondary">{m.none}</Typography.Text>;
  const dash = (v: string | null) => v ?? '—';
  return (
    <div className="peer-comparison" data-testid="peer-comparison" style={{ maxWidth: 420 }}>
      <Typography.Text strong>{m.title(p.label, p.unit)}</Typography.Text>
      <div>{m.count(p.count, p.units)}</div>
      <Descriptions
        className="peer-figures"
        size="small"
        column={2}
        bordered
        items={[
          { key: 'min', label: m.min, children: dash(p.min) },
          { key: 'median', label: m.median, children: dash(p.median) },
          { key: 'max', label: m.max, children: dash(p.max) },
          { key: 'typical', label: m.typical, children: dash(p.typical) },
        ]}
      />
      {p.uses.length > 0 && (
        <>
          <Typography.Text type="secondary">{m.uses}</Typography.Text>
          <ul className="peer-uses">
            {p.uses.slice(0, USES_SHOWN).map((u, i) => (
              <li key={i}>{w.suggestions.use(u.unitName, u.year, u.projectName, u.target)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
