/**
 * Seeded mutations of a file: bit flips, cuts, deleted, repeated and spliced ranges, NULs, lone
 * surrogates (as UTF-8 bytes and as JSON escapes) and tokens the readers look for. A ZIP container
 * (DOCX, XLSX) is often opened and one of its entries mutated instead, so that the damage reaches
 * the XML and the readers behind the ZIP's checksums. Case n of a seed is always the same input.
 */
import { unzipSync, zipSync } from 'fflate';

/** mulberry32: a small, fast, seedable PRNG (good enough to choose mutations, not for secrets). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

const TOKENS = [
  '\u0000',
  '\t',
  '\n',
  '\r\n',
  '\n\n\n',
  '"',
  ',',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '&',
  '&#0;',
  '\\ud800',
  '\\u0000',
  '-',
  '%',
  '.',
  '9999999999999999999999',
  '-1',
  '1e400',
  'NaN',
  '第二部分',
  '第一部分',
  '部门整体绩效目标',
  '一级指标',
  '项目编码',
  '单位：万元',
  '资金支出计划（%）',
  '绩效目标表',
  '2020年预算绩效目标',
  '<w:t>',
  '</w:p>',
  '<c r="A1" t="s"><v>99999</v></c>',
  '项目编码,指标序号,实际值,日期,说明',
].map(utf8);
/** A lone surrogate as a UTF-8-style byte sequence (which no decoder accepts as a character). */
const LONE_SURROGATE = new Uint8Array([0xed, 0xa0, 0x80]);

type Mutation = (r: Random, b: Uint8Array, other: Uint8Array) => [string, Uint8Array];

const MUTATIONS: Mutation[] = [
  (r, b) => {
    const out = b.slice();
    const n = 1 + int(r, 8);
    for (let i = 0; i < n && out.length > 0; i++) out[int(r, out.length)]! ^= 1 << int(r, 8);
    return [`flip ${n} bits`, out];
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    return [`cut at ${at}`, b.subarray(0, at)];
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    const n = int(r, Math.min(256, b.length - at) + 1);
    return [`delete ${n} at ${at}`, concat(b.subarray(0, at), b.subarray(at + n))];
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    const n = int(r, Math.min(512, b.length - at) + 1);
    return [`repeat ${n} at ${at}`, concat(b.subarray(0, at + n), b.subarray(at, at + n), b.subarray(at + n))];
  },
  (r, b, other) => {
    const at = int(r, b.length + 1);
    const from = int(r, other.length + 1);
    const n = int(r, Math.min(1024, other.length - from) + 1);
    return [`splice ${n} at ${at}`, concat(b.subarray(0, at), other.subarray(from, from + n), b.subarray(at))];
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    const token = pick(r, [...TOKENS, LONE_SURROGATE, new Uint8Array([0])]);
    return [`insert ${JSON.stringify(new TextDecoder().decode(token))} at ${at}`, concat(b.subarray(0, at), token, b.subarray(at))];
  },
  (r, b) => {
    const at = int(r, b.length + 1);
    const token = pick(r, TOKENS);
    return [
      `overwrite ${JSON.stringify(new TextDecoder().decode(token))} at ${at}`,
      concat(b.subarray(0, at), token, b.subarray(at + token.length)),
    ];
  },
];

/** Whole lines moved about: what a hand-edited or badly exported text file looks like. */
const LINE_MUTATIONS: Mutation[] = [
  (r, b) => {
    const lines = splitLines(b);
    const at = int(r, lines.length);
    return [`delete line ${at + 1}`, joinLines(lines.filter((_, i) => i !== at))];
  },
  (r, b) => {
    const lines = splitLines(b);
    const at = int(r, lines.length);
    return [`repeat line ${at + 1}`, joinLines(lines.flatMap((l, i) => (i === at ? [l, l] : [l])))];
  },
  (r, b) => {
    const lines = splitLines(b);
    const [x, y] = [int(r, lines.length), int(r, lines.length)];
    [lines[x], lines[y]] = [lines[y]!, lines[x]!];
    return [`swap lines ${x + 1} and ${y + 1}`, joinLines(lines)];
  },
  (r, b, other) => {
    const lines = splitLines(b);
    const from = splitLines(other);
    const at = int(r, lines.length + 1);
    const start = int(r, from.length);
    const taken = from.slice(start, start + 1 + int(r, 20));
    return [`insert ${taken.length} lines at ${at + 1}`, joinLines([...lines.slice(0, at), ...taken, ...lines.slice(at)])];
  },
];
const NEWLINE = 0x0a;
function splitLines(b: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i === b.length || b[i] === NEWLINE) {
      lines.push(b.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}
const joinLines = (lines: Uint8Array[]) => concat(...lines.flatMap((l, i) => (i === 0 ? [l] : [new Uint8Array([NEWLINE]), l])));

/** A JSON file with one value replaced by another of any kind: the exchange format's validation at work. */
const JSON_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  1.5,
  '',
  '\u0000',
  '\ud800',
  '-5.00',
  '1e400',
  'x'.repeat(10_000),
  [],
  {},
  [null],
  { a: 1 },
];
function mutateJson(r: Random, b: Uint8Array): [string, Uint8Array] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(b));
  } catch {
    return undefined;
  }
  const places: Array<[Record<string, unknown> | unknown[], string]> = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      places.push([v as Record<string, unknown>, k]);
      walk(x);
    }
  };
  walk(value);
  if (places.length === 0) return undefined;
  const [holder, key] = pick(r, places);
  const replacement = pick(r, JSON_VALUES);
  const what = r() < 0.2 ? 'delete' : 'replace';
  if (what === 'delete' && !Array.isArray(holder)) delete holder[key];
  else (holder as Record<string, unknown>)[key] = replacement;
  return [`${what} JSON value at ${key}`, new TextEncoder().encode(JSON.stringify(value))];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function mutateBytes(r: Random, bytes: Uint8Array, other: Uint8Array, steps: string[]): Uint8Array {
  let out = bytes;
  for (let n = 1 + int(r, 3); n > 0; n--) {
    const json = r() < 0.3 ? mutateJson(r, out) : undefined;
    const [what, next] = json ?? pick(r, [...MUTATIONS, ...LINE_MUTATIONS])(r, out, other);
    steps.push(what);
    out = next;
  }
  return out;
}

/** A mutated copy of `bytes` (`other` is spliced from) and the steps that made it. */
export function mutate(r: Random, bytes: Uint8Array, other: Uint8Array): { bytes: Uint8Array; steps: string[] } {
  const steps: string[] = [];
  if (isZip(bytes) && r() < 0.6) {
    const entries: Record<string, Uint8Array> = unzipSync(bytes);
    const names = Object.keys(entries).sort();
    const name = pick(r, names);
    steps.push(`in ${name}:`);
    entries[name] = mutateBytes(r, entries[name]!, entries[pick(r, names)]!, steps);
    return { bytes: zipSync(entries), steps };
  }
  return { bytes: mutateBytes(r, bytes, other, steps), steps };
}
