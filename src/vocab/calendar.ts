import { isExists } from 'date-fns/isExists';

/** `YYYY-MM-DD` for a real calendar day, undefined for an impossible one (31/02). Never via toISOString. */
export function parseDayMonthYear(day: number, month: number, year: number): string | undefined {
  if (year < 1900 || year > 2100) return undefined;
  // date-fns validates the calendar day; the ISO string is built from the parts (no Date, no time zone)
  if (!isExists(year, month - 1, day)) return undefined;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `--MM-DD` for a day-month that exists in some year (29/2 allowed). */
export function parseDayMonth(day: number, month: number): string | undefined {
  if (!isExists(2024, month - 1, day)) return undefined;
  return `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
export function quarterNumber(s: string): number | undefined {
  return ROMAN[s] ?? (/^[1-4]$/.test(s) ? Number(s) : undefined);
}
