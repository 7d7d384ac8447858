// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../app/locale.tsx';
import { TargetValueField } from './TargetValueField.tsx';

function Field({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <LocaleProvider locale="zh-CN">
      <TargetValueField aria-label="指标值 1" value={value} onChange={setValue} />
    </LocaleProvider>
  );
}

const reading = () => screen.getByTestId('target-reading');
/** What a sighted user reads under the field (the labelled parts, without the screen-reader text). */
const shown = () => [...reading().querySelectorAll('[aria-hidden="true"]')].map((e) => e.textContent).join(' ');

describe('TargetValueField', () => {
  afterEach(cleanup);

  it('shows how a quantity is read as it is typed: relation, number, unit, kind and direction', async () => {
    render(<Field />);
    expect(reading().textContent).toBe('未填写指标值');
    await userEvent.type(screen.getByLabelText('指标值 1'), '≥ 95 %');
    expect(shown()).toBe('定量 ≥ 95 % 正向');
    expect(reading().textContent).toContain('关系：不低于（≥）');
    expect(reading().textContent).toContain('方向：越高越好（正向）');
  });

  it.each([
    ['≤3天', '定量 ≤ 3 天 反向'],
    ['90%～100%', '定量 区间 90～100 % 恰好'],
    ['100', '定量 = 100 无单位 恰好'],
    ['＞95％', '定量 > 95 % 正向'],
  ])('reads %s as %s', (text, expected) => {
    render(<Field initial={text} />);
    expect(shown()).toBe(expected);
  });

  it('reads a qualitative grade', () => {
    render(<Field initial="达到预期" />);
    expect(shown()).toBe('定性 达到预期 正向');
  });

  it('says when the text cannot be read, and marks the field', async () => {
    render(<Field />);
    const input = screen.getByLabelText('指标值 1');
    await userEvent.type(input, '尽量多');
    expect(reading().textContent).toContain('无法识别');
    // The field carries a character count, so antd marks the wrapper around the input.
    expect(input.closest('.ant-input-status-error, .ant-input-affix-wrapper-status-error')).not.toBeNull();
    await userEvent.clear(input);
    expect(reading().textContent).toBe('未填写指标值');
  });

  it('writes full-width forms in half-width once the cell is left', async () => {
    render(<Field />);
    const input = screen.getByLabelText('指标值 1');
    await userEvent.type(input, '≥９５％');
    expect((input as HTMLInputElement).value).toBe('≥９５％');
    await userEvent.tab();
    expect((input as HTMLInputElement).value).toBe('≥95%');
  });
});
