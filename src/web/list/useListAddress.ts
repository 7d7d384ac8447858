/** A paged list whose filter lives in the address bar: its page, a way to change the filter, and the table's pagination. */
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { numberParam, patched, type ParamPatch } from './address.ts';

export const PAGE_SIZE = 20;

/** `onChange` runs after every change of filter or page (e.g. to drop a selection of rows). */
export function useListAddress(onChange?: () => void) {
  const w = useMessages().web;
  const [params, setParams] = useSearchParams();
  const page = numberParam(params, 'page') ?? 1;
  const set = (patch: ParamPatch) => {
    setParams(patched(params, patch));
    onChange?.();
  };
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize: PAGE_SIZE,
    total,
    showSizeChanger: false,
    showTotal: (n) => w.common.total(n),
    onChange: (p) => set({ page: p }),
  });
  return { params, set, page, paging: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, pagination };
}
