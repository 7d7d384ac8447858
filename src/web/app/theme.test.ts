// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTheme } from './theme.ts';

/** A system setting for prefers-reduced-motion that can be switched while the page is open. */
function systemSetting(reduce: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return reduce;
    },
    addEventListener: (_: 'change', l: () => void) => listeners.add(l),
    removeEventListener: (_: 'change', l: () => void) => listeners.delete(l),
  };
  vi.stubGlobal('matchMedia', (q: string) => {
    expect(q).toBe('(prefers-reduced-motion: reduce)');
    return query;
  });
  return {
    listeners,
    set(next: boolean) {
      reduce = next;
      for (const l of listeners) l();
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the theme', () => {
  it('keeps motion where the system does not ask for less', () => {
    systemSetting(false);
    const { result } = renderHook(() => useTheme());
    expect(result.current.token?.motion).toBe(true);
    expect(result.current.token?.colorPrimary).toBe('#1d4f91');
  });

  it('turns motion off while the system asks for reduced motion, and follows the setting as it changes', () => {
    const setting = systemSetting(true);
    const { result, unmount } = renderHook(() => useTheme());
    expect(result.current.token?.motion).toBe(false);
    act(() => setting.set(false));
    expect(result.current.token?.motion).toBe(true);
    unmount();
    expect(setting.listeners.size).toBe(0);
  });
});
