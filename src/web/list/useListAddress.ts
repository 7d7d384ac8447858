/** A list whose filter lives in the address bar: the filter, and a way to change it. */
import { useSearchParams } from 'react-router';
import { patched, type ParamPatch } from './address.ts';

/** `onChange` runs after every change of filter (e.g. to drop a selection of rows). */
export function useListAddress(onChange?: () => void) {
  const [params, setParams] = useSearchParams();
  const set = (patch: ParamPatch) => {
    setParams(patched(params, patch));
    onChange?.();
  };
  return { params, set };
}
