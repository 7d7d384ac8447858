/**
 * Ant Design theme: a government-blue primary, Chinese UI fonts first, and the focus ring kept
 * visible. Motion follows the system's 减少动态效果 setting (prefers-reduced-motion): dialogs and
 * menus then appear in place instead of zooming and sliding (WCAG 2.3.3).
 */
import type { ThemeConfig } from 'antd';
import { useMemo, useSyncExternalStore } from 'react';

const token: ThemeConfig['token'] = {
  colorPrimary: '#1d4f91',
  borderRadius: 4,
  fontFamily:
    '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, "Segoe UI", Roboto, sans-serif',
  lineWidthFocus: 3,
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches;
const onMotionChange = (change: () => void) => {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(REDUCED_MOTION);
  query.addEventListener('change', change);
  return () => query.removeEventListener('change', change);
};

/** The theme, with motion off while the system asks for less of it. */
export function useTheme(): ThemeConfig {
  const reduced = useSyncExternalStore(onMotionChange, reducedMotion, () => false);
  return useMemo(() => ({ token: { ...token, motion: !reduced } }), [reduced]);
}
