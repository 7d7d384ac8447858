/**
 * Form fields that keep what the user is typing while it is not yet a valid value: an amount stays
 * "5." until it reads as a decimal, a list of lines keeps its empty last line until the next one is typed.
 */
import { Input } from 'antd';
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { readDecimal } from '../../core/model/decimal.ts';
import type { DecimalText } from '../../core/model/document.ts';
import { TEXT_LIMITS, type TextField } from '../../core/model/text-limits.ts';
import { useMessages } from '../app/locale.tsx';

type InputStatus = 'error' | 'warning' | undefined;

// Where the browser sizes a field to its text itself, antd's measuring (a hidden copy of the field and
// a forced layout for each one) is not needed: it was most of the time it took to open a project.
const CSS_GROWS = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/** A text area as tall as its text (at least `minRows` lines). */
export function GrowingTextArea({
  minRows = 1,
  className,
  style,
  ...rest
}: Omit<ComponentProps<typeof Input.TextArea>, 'autoSize'> & { minRows?: number }) {
  return CSS_GROWS ? (
    <Input.TextArea
      {...rest}
      className={className ? `${className} text-grows` : 'text-grows'}
      style={{ ...style, minBlockSize: `calc(${minRows}lh + 10px)` }}
    />
  ) : (
    <Input.TextArea {...rest} className={className} style={style} autoSize={{ minRows }} />
  );
}

/**
 * A field's count against the length its form cell holds: shown once the text nears the limit, red
 * past it. Nothing typed or pasted is cut off; the server refuses the save, saying why.
 */
export const textCount = (field: TextField) => ({
  max: TEXT_LIMITS[field],
  show: ({ count, maxLength = TEXT_LIMITS[field] }: { count: number; maxLength?: number }) =>
    count >= maxLength * 0.8 ? `${count} / ${maxLength}` : null,
});

/** Local text that follows the value from outside while the field is not being edited. */
function useDraft(outside: string) {
  const [text, setText] = useState(outside);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(outside);
  }, [outside]);
  return {
    text,
    setText,
    onFocus: () => (editing.current = true),
    onBlur: () => {
      editing.current = false;
      setText(outside);
    },
  };
}

export function AmountInput({
  value,
  onChange,
  status,
  ...rest
}: { value: DecimalText | null; onChange: (v: DecimalText | null) => void; status?: InputStatus } & Omit<
  ComponentProps<typeof Input>,
  'value' | 'onChange' | 'status' | 'autoSize'
>) {
  const m = useMessages().web;
  const draft = useDraft(value ?? '');
  const parsed = readDecimal(draft.text);
  const invalid = parsed === undefined;
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={draft.text}
      status={invalid ? 'error' : status}
      title={invalid ? m.project.notANumber : undefined}
      aria-invalid={invalid || undefined}
      onFocus={draft.onFocus}
      onBlur={draft.onBlur}
      onChange={(e) => {
        draft.setText(e.target.value);
        const v = readDecimal(e.target.value);
        if (v !== undefined) onChange(v);
      }}
    />
  );
}

/** "1、", "2." or "3．" typed at the start of a line: the form numbers goals itself. */
const NUMBERING = /^\s*\d+\s*[、.．]\s*/;

/** One item per line (goals): empty lines are dropped from the value but kept while typing. */
export function LinesInput({
  value,
  onChange,
  status,
  ...rest
}: { value: readonly string[]; onChange: (lines: string[]) => void; status?: InputStatus } & Omit<
  ComponentProps<typeof Input.TextArea>,
  'value' | 'onChange' | 'status' | 'autoSize'
>) {
  const draft = useDraft(value.join('\n'));
  return (
    <GrowingTextArea
      {...rest}
      minRows={2}
      value={draft.text}
      status={status}
      onFocus={draft.onFocus}
      onBlur={draft.onBlur}
      onChange={(e) => {
        draft.setText(e.target.value);
        onChange(
          e.target.value
            .split('\n')
            .map((l) => l.replace(NUMBERING, '').trim())
            .filter((l) => l !== ''),
        );
      }}
    />
  );
}
