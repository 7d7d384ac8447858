// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { PartNav } from './PartNav.tsx';

const parts = [
  { key: 'department', label: '部门整体绩效目标' },
  { key: 'p1', label: '1、法律援助', errors: 1 },
  { key: 'p2', label: '2、普法宣传' },
];

function Nav() {
  const [active, setActive] = useState('department');
  return <PartNav parts={parts} active={active} onChange={setActive} label="文件各部分" />;
}

describe('PartNav', () => {
  afterEach(cleanup);

  it('puts only the open part in the Tab order and opens the others with the arrow keys', () => {
    render(<Nav />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    tabs[0]!.focus();
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toContain('1、法律援助');
    expect(document.activeElement).toBe(screen.getAllByRole('tab')[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('2、普法宣传');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('部门整体绩效目标');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('2、普法宣传');
  });

  it('opens a part on click and shows its error count', () => {
    render(<Nav />);
    fireEvent.click(screen.getByRole('tab', { name: /法律援助/ }));
    expect(screen.getByRole('tab', { selected: true }).textContent).toContain('法律援助');
    expect(screen.getByRole('tab', { name: /法律援助/ }).textContent).toContain('1');
  });
});
