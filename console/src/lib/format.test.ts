import { formatBytes, formatDateTime, formatNumber } from './format';

describe('dates and numbers in the console language', () => {
  const iso = '2026-03-04T05:06:00.000Z';

  it('formats in each language with formatters kept between calls (same text as a fresh Intl formatter)', () => {
    for (const language of ['zh-CN', 'en']) {
      const fresh = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
      expect(formatDateTime(iso, language)).toBe(fresh.format(new Date(iso)));
      expect(formatDateTime(iso, language)).toBe(fresh.format(new Date(iso)));
    }
    expect(formatDateTime(iso, 'zh-CN')).not.toBe(formatDateTime(iso, 'en'));
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1000, 'zh-CN')).toBe(new Intl.NumberFormat('zh-CN').format(1000));
  });

  it('shows a dash for a missing or unreadable date', () => {
    expect(formatDateTime(null, 'en')).toBe('—');
    expect(formatDateTime('not a date', 'en')).toBe('—');
  });

  it('picks the byte unit by size, each unit with its own formatter', () => {
    expect(formatBytes(512, 'en')).toMatch(/^512\s?byte/);
    expect(formatBytes(1536, 'en')).toMatch(/^1\.5\s?kB/);
    expect(formatBytes(5 * 1024 * 1024, 'en')).toMatch(/^5\s?MB/);
    expect(formatBytes(512, 'en')).toMatch(/^512\s?byte/);
  });
});
