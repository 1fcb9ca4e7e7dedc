import type { ThemeConfig } from 'antd';

/**
 * Ant Design's defaults, with text and status colours dark enough for WCAG AA contrast (4.5:1) on white and on the
 * light backgrounds antd puts them on: the browser test checks every main page with axe-core.
 */
export function consoleTheme(reducedMotion: boolean): ThemeConfig {
  return {
    token: {
      // People who asked their system for less motion get none (no fading toasts, sliding drawers).
      motion: !reducedMotion,
      colorPrimary: '#1f6f43',
      colorLink: '#1f6f43',
      colorError: '#b42318',
      colorWarning: '#8a5a00',
      colorSuccess: '#1f6f43',
      colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
      colorTextTertiary: 'rgba(0, 0, 0, 0.64)',
      colorTextDescription: 'rgba(0, 0, 0, 0.64)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    },
    components: {
      Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#14532d' },
      Breadcrumb: { linkColor: 'rgba(0, 0, 0, 0.68)', separatorColor: 'rgba(0, 0, 0, 0.64)' },
    },
  };
}

/** Solid tag colours (white text) that keep 4.5:1 contrast; antd's preset light tags do not. */
export const TAG_COLORS = {
  gray: '#4b5563',
  gold: '#8a5a00',
  green: '#1f6f43',
  red: '#b42318',
  blue: '#1d4ed8',
  purple: '#6b3fa0',
} as const;
