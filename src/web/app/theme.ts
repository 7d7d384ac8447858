/** Ant Design theme: a government-blue primary, Chinese UI fonts first, and the focus ring kept visible. */
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", -apple-system, "Segoe UI", Roboto, sans-serif',
    lineWidthFocus: 3,
  },
};
