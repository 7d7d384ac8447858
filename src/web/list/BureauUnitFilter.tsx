/**
 * The bureau and unit pickers of a list's filters: choosing a bureau narrows the units to it and
 * clears the unit. The units offered are the first page by code; typing searches the server (a
 * province has tens of thousands), not the page on show.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useState } from 'react';
import type { Bureau } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import type { ParamPatch } from './address.ts';
import { queries } from '../api/queries.ts';

interface Props {
  /** The bureaus to offer, in tree order (indented by depth). */
  bureaus: readonly Bureau[];
  bureauId: number | undefined;
  unitId: number | undefined;
  set: (patch: ParamPatch) => void;
}

export function BureauUnitFilter({ bureaus, bureauId, unitId, set }: Props) {
  const w = useMessages().web;
  const [search, setSearch] = useState('');
  const units = useQuery({ ...queries.units(bureauId, search.trim() || undefined), placeholderData: keepPreviousData });
  return (
    <>
      <Form.Item label={w.common.bureau}>
        <Select
          aria-label={w.common.bureau}
          allowClear
          value={bureauId}
          onChange={(v?: number) => set({ bureauId: v, unitId: undefined })}
          options={bureaus.map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }))}
          style={{ width: 180 }}
          placeholder={w.common.all}
        />
      </Form.Item>
      <Form.Item label={w.common.unit}>
        <Select
          aria-label={w.common.unit}
          allowClear
          showSearch={{ filterOption: false, onSearch: setSearch }}
          value={unitId}
          onChange={(v?: number) => set({ unitId: v })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
          style={{ width: 200 }}
          placeholder={w.common.all}
        />
      </Form.Item>
    </>
  );
}
