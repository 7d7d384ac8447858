/** A paged list whose filter lives in the address bar: its page, a way to change the filter, and the table's pagination. */
import { useSearchParams } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { numberParam, patched, type ParamPatch } from './address.ts';
import { pageRange, tablePagination } from './paging.ts';

/** `onChange` runs after every change of filter or page (e.g. to drop a selection of rows). */
export function useListAddress(onChange?: () => void) {
  const w = useMessages().web;
  const [params, setParams] = useSearchParams();
  const page = numberParam(params, 'page') ?? 1;
  const set = (patch: ParamPatch) => {
    setParams(patched(params, patch));
    onChange?.();
  };
  const pagination = (total: number) => tablePagination(page, total, (p) => set({ page: p }), w.common.total);
  return { params, set, page, paging: pageRange(page), pagination };
}
