/**
 * A list's filter and page as the address bar keeps them, so a filtered list can be reloaded,
 * bookmarked and shared.
 */

/** Changes to the parameters: undefined or '' removes one, an array repeats it. */
export type ParamPatch = Record<string, string | number | readonly string[] | undefined>;

/** A number parameter; undefined when absent or empty. */
export const numberParam = (params: URLSearchParams, key: string): number | undefined =>
  params.get(key) ? Number(params.get(key)) : undefined;

/**
 * The parameters with a patch applied. An emptied array stays as one empty value, so "none chosen"
 * differs from "absent" (which means the page's default). A changed filter goes back to the first page.
 */
export function patched(params: URLSearchParams, patch: ParamPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(patch)) {
    next.delete(k);
    if (Array.isArray(v)) {
      for (const x of v) next.append(k, x);
      if (v.length === 0) next.append(k, '');
    } else if (v !== undefined && v !== '') next.set(k, String(v));
  }
  if (!('page' in patch)) next.delete('page');
  return next;
}
