/**
 * A message named instead of written: its place in the catalog (`code`, e.g.
 * "textFormat.notANumber") and its parameters. It is plain data, so it crosses a thread boundary,
 * and it is written only when someone reads it, in their language — an error raised while the
 * process speaks Chinese can still answer an English request in English.
 */
import { zhCN, type Messages } from './zh-CN/index.ts';

export interface MessageRef {
  readonly code: string;
  readonly params: readonly MessageParam[];
}

/** A parameter is data, or itself a named message (a field's name, a place) written in the same language. */
export type MessageParam = string | number | boolean | null | undefined | MessageRef | readonly MessageParam[];

type Param<T> = T extends string ? T | MessageRef : T extends readonly (infer E)[] ? readonly Param<E>[] : T;

/** The catalog's shape, every text and every text-making function giving a MessageRef instead. */
export type Named<T> = T extends string
  ? MessageRef
  : T extends (...args: infer A) => string
    ? (...args: { [K in keyof A]: Param<A[K]> }) => MessageRef
    : T extends object
      ? { readonly [K in keyof T]: Named<T[K]> }
      : never;

function name(entry: unknown, code: string): unknown {
  if (typeof entry === 'string') return { code, params: [] };
  if (typeof entry === 'function') return (...params: MessageParam[]): MessageRef => ({ code, params });
  return new Proxy(entry as object, {
    get: (target, key) => name(Reflect.get(target, key), code === '' ? String(key) : `${code}.${String(key)}`),
  });
}

/** `named.textFormat.notANumber('x')` is `{ code: 'textFormat.notANumber', params: ['x'] }`. Every catalog has the Chinese one's shape. */
export const named = name(zhCN, '') as Named<Messages>;

const isRef = (p: MessageParam): p is MessageRef => typeof p === 'object' && p !== null && !Array.isArray(p);

const written = (p: MessageParam, m: Messages): unknown =>
  isRef(p) ? writeMessage(p, m) : Array.isArray(p) ? p.map((x) => written(x, m)) : p;

/** The message in catalog `m`'s language. */
export function writeMessage(ref: MessageRef, m: Messages): string {
  const entry = ref.code.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], m);
  return typeof entry === 'function'
    ? (entry as (...args: unknown[]) => string)(...ref.params.map((p) => written(p, m)))
    : (entry as string);
}
