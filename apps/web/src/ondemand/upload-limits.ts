/** A byte count as people read it, e.g. "2.4 MB". */
export function formatBytes(bytes: number, intlLocale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(intlLocale, { maximumFractionDigits: digits })} ${units[unit]}`;
}
