/**
 * Dates and numbers in the console's language (zh-CN or en), through Intl. Formatters are made once per language and
 * style: building an Intl formatter loads locale data and costs far more than formatting (a 20-row list made 40 of
 * them, a few hundred ms of main thread on a loaded machine; see bench:console).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(
    `datetime:${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

export function formatNumber(value: number, language: string): string {
  return cached(`number:${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/** Bytes as KB / MB in the console's language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return cached(
    `bytes:${language}:${unit}`,
    () =>
      new Intl.NumberFormat(language, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }),
  ).format(value);
}
