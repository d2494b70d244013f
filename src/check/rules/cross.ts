/**
 * The cross-report rules as data (../cross.ts is their engine): ids, severities, premises and the words of
 * their messages in English and Vietnamese.
 */
export const CROSS_RULES = [
  {
    id: 'cross.yoy-jump',
    severity: 'warning' as const,
    description: "An agency's indicator jumps by a factor of 3 or more (≥ 30 points for percentages) from one year to the next",
    premise: "One agency's same indicator, in the same unit, moves gradually from one year to the next; a factor of 3 or more (30 points for a percentage) needs an explanation",
    premiseVi: 'Cùng một chỉ tiêu, cùng đơn vị tính, của cùng một cơ quan thường thay đổi dần qua các năm; thay đổi từ 3 lần trở lên (30 điểm phần trăm với tỷ lệ) cần được giải thích',
  },
  {
    id: 'cross.document-date',
    severity: 'warning' as const,
    description: 'One cited document is given different issue dates by different reports',
    premise: 'One document (same symbol, same jurisdiction) has one issue date, whichever report cites it',
    premiseVi: 'Một văn bản (cùng số ký hiệu, cùng địa bàn) chỉ có một ngày ban hành, dù được báo cáo nào viện dẫn',
  },
];

export function premiseOf(id: string): { premise: string; premiseVi: string } {
  const r = CROSS_RULES.find((x) => x.id === id)!;
  return { premise: r.premise, premiseVi: r.premiseVi };
}

/** the unit written after a value in the messages (English, Vietnamese) */
export function unitWords(kind: string, unit: string | undefined): { en: string; vi: string } {
  if (kind === 'percent') return { en: '%', vi: '%' };
  if (kind === 'money') return { en: ' VND', vi: ' đồng' };
  return unit ? { en: ` ${unit}`, vi: ` ${unit}` } : { en: '', vi: '' };
}

export function jumpMessages(j: {
  indicator: string;
  up: boolean;
  from: string;
  to: string;
  fromVi: string;
  toVi: string;
  /** percentage points (percentages) or the factor, as numbers written both ways */
  points?: { en: string; vi: string };
  factor?: { en: string; vi: string };
  fromYear: number | string;
  toYear: number | string;
  unit: { en: string; vi: string };
}): { message: string; messageVi: string } {
  return {
    message: `${j.indicator} ${j.up ? 'rises' : 'falls'} from ${j.from}${j.unit.en} (${j.fromYear}) to ${j.to}${j.unit.en} (${j.toYear}), ${j.points ? `${j.points.en} points` : j.factor ? `×${j.factor.en}` : 'from zero'}`,
    messageVi: `Chỉ tiêu ${j.indicator} ${j.up ? 'tăng' : 'giảm'} bất thường: từ ${j.fromVi}${j.unit.vi} (năm ${j.fromYear}) ${j.up ? 'lên' : 'xuống'} ${j.toVi}${j.unit.vi} (năm ${j.toYear})${j.points ? `, ${j.points.vi} điểm phần trăm` : j.factor ? `, ${j.up ? 'gấp' : 'còn'} ${j.factor.vi} lần` : ''}`,
  };
}

export function dateMessages(symbol: string, date: string, majorDate: string): { message: string; messageVi: string } {
  return {
    message: `${symbol} is dated ${date} here but ${majorDate} in another report`,
    messageVi: `Văn bản ${symbol} ghi ngày ${date} ở báo cáo này nhưng ngày ${majorDate} ở báo cáo khác`,
  };
}
