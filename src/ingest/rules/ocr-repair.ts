/**
 * OCR repair rules as data: what tesseract typically gets wrong on scanned Vietnamese administrative
 * documents, and how to put it back, each rule with the cases that are its test (`test/ocr-repair.test.ts` runs
 * every `cases` pair and every `keeps` string through the engine, ../ocr-repair.ts).
 * Measured on the scans of scripts/make-scans.mjs (`npm run eval:ocr`, docs/ingest.md).
 *
 * Kinds of record (the last two below: OCR_TERM_DIGIT, OCR_UNIT_MARKS):
 * - JUNK: words tesseract makes of specks and stamp edges, dropped before the line is built;
 * - TEXT_RULES: regular expressions over one OCR line (linear-time: no lookaround, no back-reference, no
 *   i/u flag; built through src/util/pattern.ts), replaced by a template with $1…$9;
 * - CODE_EDITS: inside a document symbol (`47/2021/NQ-HĐND`), a code segment that no vocabulary knows is
 *   mended by one edit from this table when exactly one edit gives a known type or issuer code.
 */
import { FREQUENCY_PER, FREQUENCY_UNITS } from '../../vocab/frequency.js';

export interface OcrJunkRule {
  id: string;
  /** characters that never make a word alone in these documents: a word made only of them is dropped */
  chars: string;
  /** characters that make a word alone legitimately (`-` bullets, `:`), dropped only below this confidence */
  weak: string;
  weakBelow: number;
  /** a one-letter word below this confidence is a speck */
  letterBelow: number;
  /** a line that is one letter or digit, its box below this share of the page's median word height both ways, is a
   *  speck (a grain of the scan read as `2` between two lines splits the sentence: `ngày` ⏎ `2` ⏎ `06/9/2021`) */
  speckBelow: number;
}

export const OCR_JUNK: OcrJunkRule = {
  id: 'ocr.junk',
  chars: '`^ˆ˜~_„‹›¨´⁄|¦\'"‘’“”«»¬°•·',
  weak: '-–—:.,;!*',
  weakBelow: 50,
  letterBelow: 25,
  speckBelow: 0.35,
};

export interface OcrTextRule {
  id: string;
  why: string;
  pattern: string;
  replace: string;
  /** (OCR line → repaired line) */
  cases: [string, string][];
  /** lines this rule must leave as they are */
  keeps: string[];
}

/** Character classes used by the rules (upper-case letters of codes, lower-case Vietnamese letters). */
const UP = 'A-ZĐƯƠÂÊÔĂ';
const LOW = 'a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const CODE = `[${UP}][${UP}a-z&]{0,7}`;

export const OCR_TEXT_RULES: OcrTextRule[] = [
  {
    id: 'ocr.symbol.year-slash',
    why: 'the `/` after the year of a symbol read as 7, 1, l, I or |',
    pattern: `([0-9]{1,5}/(?:19|20)[0-9]{2})[71lI|]([${UP}][${UP}a-z&]{0,7}-[${UP}])`,
    replace: '$1/$2',
    cases: [
      ['Nghị quyết số 47/20217NQ-HĐND ngày 16/7/2021', 'Nghị quyết số 47/2021/NQ-HĐND ngày 16/7/2021'],
      ['Quyết định 23/2023lQĐ-UBND', 'Quyết định 23/2023/QĐ-UBND'],
      ['Thông tư 09/2022ITT-BTP', 'Thông tư 09/2022/TT-BTP'],
    ],
    keeps: ['47/2021/NQ-HĐND', 'năm 2021 7 NQ-HĐND'],
  },
  {
    id: 'ocr.symbol.number-slash',
    why: 'the `/` after the number of a symbol read as l, I or | (never a digit: `1` may be part of the number)',
    pattern: `(^|[^0-9A-Za-z])([0-9]{1,5})[lI|]((?:19|20)[0-9]{2}/${CODE}-|${CODE}-[${UP}])`,
    replace: '$1$2/$3',
    cases: [
      ['Quyết định số 23l2023/QĐ-UBND', 'Quyết định số 23/2023/QĐ-UBND'],
      ['Kế hoạch số 05IKH-UBND ngày', 'Kế hoạch số 05/KH-UBND ngày'],
      ['Công văn 312|BC-SNV', 'Công văn 312/BC-SNV'],
    ],
    keeps: ['23/2023/QĐ-UBND', 'mục 2I của Kế hoạch', 'ISO 9001'],
  },
  {
    id: 'ocr.symbol.code-space',
    why: 'a space inside the type code of a symbol (`T T-BTC`, `N Q-HĐND`)',
    pattern: `([0-9]/)([${UP}]{1,2}) ([${UP}][${UP}a-z]{0,2}-[${UP}])`,
    replace: '$1$2$3',
    cases: [
      ['Circular No. 76/2023/T T-BTC dated', 'Circular No. 76/2023/TT-BTC dated'],
      ['Nghị quyết số 05/2023/N Q-HĐND', 'Nghị quyết số 05/2023/NQ-HĐND'],
    ],
    keeps: ['76/2023/TT-BTC', 'ngày 12/3/ Q-'],
  },
  {
    id: 'ocr.symbol.hyphen-space',
    why: 'a space before or after the hyphen or slash between the codes of a symbol (`QĐ- UBND`, `NQ /TW`)',
    pattern: `([0-9]/${CODE}|[0-9]-${CODE}) ?([-/]) ?([${UP}][${UP}a-z&]{0,7}[0-9]{0,2})`,
    replace: '$1$2$3',
    cases: [
      ['Quyết định số 23/2023/QĐ- UBND ngày', 'Quyết định số 23/2023/QĐ-UBND ngày'],
      ['Quyết định số 1171/QĐ -TTg ngày', 'Quyết định số 1171/QĐ-TTg ngày'],
      ['Nghị quyết số 57-NQ /TW ngày', 'Nghị quyết số 57-NQ/TW ngày'],
    ],
    keeps: ['23/2023/QĐ-UBND ngày', 'tháng 5/QĐ của'],
  },
  {
    id: 'ocr.symbol.glued-word',
    why: 'the word after a symbol glued to its last code (`05/KH-UBNDngày`)',
    pattern: `([0-9][/-][${UP}a-z0-9&/-]*[${UP}]{2})([${LOW}]{3,})`,
    replace: '$1 $2',
    cases: [['Kế hoạch số 05/KH-UBNDngày 22/01/2019', 'Kế hoạch số 05/KH-UBND ngày 22/01/2019']],
    keeps: ['Quyết định số 766/QĐ-TTg ngày', '04/TTr-BKHCN'],
  },
  {
    id: 'ocr.date.stray-dash',
    why: 'a speck read as a dash between a date word and its date (`ngày - 22/01/2019`)',
    pattern: `([${LOW}]) [-–.,'] ([0-3]?[0-9]/[01]?[0-9]/(?:19|20)[0-9]{2})`,
    replace: '$1 $2',
    cases: [['Kế hoạch số 05/KH-UBND ngày - 22/01/2019 thực hiện', 'Kế hoạch số 05/KH-UBND ngày 22/01/2019 thực hiện']],
    keeps: ['từ ngày 01/01/2024 - 31/12/2024', 'giai đoạn 2021 - 2025'],
  },
  {
    id: 'ocr.symbol.trailing-specks',
    why: 'specks read as lone punctuation after a symbol that ends its line (`Số:187/BC-TTIT - :`): the header cannot take the number as the report\'s own, and it becomes a citation',
    pattern: `([0-9][/-][${UP}][${UP}a-z0-9&/-]*[${UP}0-9a-z])((?: [-–—:,;'|]){1,4})$`,
    replace: '$1',
    cases: [['Số:187/BC-TTIT - :', 'Số:187/BC-TTIT'], ['Số: 245/BC-UBND :', 'Số: 245/BC-UBND']],
    keeps: ['theo Công văn số 12/UBND-VP; Kế hoạch', 'số 45/KH-UBND.', 'Số: 245/BC-UBND', 'Quyết định 23/2023/QĐ-UBND - Điều 2'],
  },
  {
    id: 'ocr.header.number-label-case',
    why: 'the label of the report\'s own number, at the start of its line, read in capitals (`SỐ: 2356/BC-SYT`: ố and Ố differ only in size), so the header does not find its number and it becomes a citation',
    pattern: '^SỐ( ?: ?[0-9])',
    replace: 'Số$1',
    cases: [['SỐ: 2356/BC-SYT', 'Số: 2356/BC-SYT'], ['SỐ:2874/BC-STC', 'Số:2874/BC-STC']],
    keeps: ['SỐ LIỆU THỐNG KÊ', 'Số: 2356/BC-SYT', 'TỔNG SỐ: 12 đơn vị'],
  },
  {
    id: 'ocr.letter.foreign-tilde',
    why: 'N read as Ñ before a lower-case letter or a dot (`Ño.: 142/BC-UBND`): Ñ is no letter of Vietnamese or English',
    pattern: 'Ñ([a-z.])',
    replace: 'N$1',
    cases: [['Ño.: 142/BC-UBND', 'No.: 142/BC-UBND']],
    keeps: ['No.: 142/BC-UBND', 'NÑQ-HĐND'],
  },
  {
    id: 'ocr.number.letter-o',
    why: 'a digit zero read as the letter O inside a number (`2O23`, `1O0%`)',
    pattern: '([0-9])[Oo]([0-9])',
    replace: '$10$2',
    cases: [['năm 2O23', 'năm 2023'], ['đạt 1O0%', 'đạt 100%']],
    keeps: ['mã số 2Oa', 'CO2'],
  },
  {
    id: 'ocr.number.letter-l',
    why: 'a digit one read as l or I between digits (`2l/2023`, `1I5`)',
    pattern: '([0-9])[lI]([0-9])',
    replace: '$11$2',
    cases: [['năm 20l9', 'năm 2019'], ['có 1I5 hồ sơ', 'có 115 hồ sơ']],
    keeps: ['QH15', 'UBTVQH15'],
  },
  {
    id: 'ocr.number.space-decimal',
    why: 'a space inserted after the decimal comma of a percentage (`98, 5%`); a space after a thousands dot is left: `Điều 1. 245 văn bản` reads the same',
    pattern: '(^|[^0-9.,])([0-9]{1,3},) ([0-9]{1,2}%)',
    replace: '$1$2$3',
    cases: [['đạt 98, 5%', 'đạt 98,5%']],
    keeps: ['Điều 1. 245 văn bản', 'năm 2022, 100 hồ sơ', 'năm 2022, 10% hồ sơ'],
  },
];

export interface OcrDigitFrame {
  id: string;
  why: string;
  /** the frame; the groups named in `fields` hold figures to read back into digits */
  pattern: string;
  fields: { group: number; map: Record<string, string> }[];
  cases: [string, string][];
  keeps: string[];
}

/** Characters tesseract reads in place of digits in italic or stamped figures. */
const ONE = { I: '1', l: '1', '|': '1', ']': '1', '[': '1', 'Ï': '1', 'Í': '1', 'Ì': '1', '!': '1' };
const ZERO = { O: '0', o: '0', 'Ô': '0', 'Ơ': '0', 'ơ': '0', 'ô': '0' };
const DAYISH = '0-9IlÏÍÌ|\\[\\]!OoÔô';

export const OCR_DIGIT_FRAMES: OcrDigitFrame[] = [
  {
    id: 'ocr.date.frame-digits',
    why: 'the figures of a written date (`ngày 3Ï tháng 1] năm 2/26`: italic header dates) read as letters or a slash',
    pattern: `([Nn]gày )([${DAYISH}]{1,2})( tháng )([${DAYISH}]{1,2})( năm )(2[${DAYISH}/][0-9IlOo]{2})`,
    fields: [
      { group: 2, map: { ...ONE, ...ZERO } },
      { group: 4, map: { ...ONE, ...ZERO } },
      { group: 6, map: { ...ONE, ...ZERO, '/': '0' } },
    ],
    cases: [
      ['Hà Nội, ngày 3Ï tháng 7 năm 2025', 'Hà Nội, ngày 31 tháng 7 năm 2025'],
      ['Lâm Đồng, ngày 26 tháng 1] năm 2025', 'Lâm Đồng, ngày 26 tháng 11 năm 2025'],
      ['Hà Nội, ngày 29 tháng 4 năm 2/26', 'Hà Nội, ngày 29 tháng 4 năm 2026'],
      ['ngày l5 tháng O3 năm 2O24', 'ngày 15 tháng 03 năm 2024'],
    ],
    keeps: ['ngày 29 tháng 4 năm 2026', 'ngày 2# tháng £- năm 2026'],
  },
  {
    id: 'ocr.number.after-so',
    why: 'the first digit of a document number read as l or I (`Số:l73 /KH-UBND`)',
    pattern: '([Ss]ố: ?)([lI|])([0-9]{1,4} ?/)',
    fields: [{ group: 2, map: ONE }],
    cases: [['Số:l73 /KH-UBND', 'Số:173 /KH-UBND'], ['Số: I25/BC-SNV', 'Số: 125/BC-SNV']],
    keeps: ['Số: 173/KH-UBND', 'Số lượng'],
  },
];

export interface OcrCodeEdit {
  id: string;
  why: string;
  /** a character tesseract puts in place of another: `from` read → `to` meant */
  substitute: [string, string][];
  /** characters tesseract adds inside a code (a doubled letter is always a candidate too, a character codes are
   *  never written with (`Ñ`), and any character of a code that is still 4 characters or more without it) */
  insertions: string;
  /** (code as OCR read it → the code) */
  cases: [string, string][];
  /** codes this must leave as they are (known ones, and unknown ones with no single mend) */
  keeps: string[];
}

export const OCR_CODE_EDITS: OcrCodeEdit = {
  id: 'ocr.symbol.code-edit',
  why: 'a type or issuer code misread by one character: an added letter (`TTEg`, `QHI15`, `SKHK&CN`), a doubled one (`QĐĐ`) or a confused one (`T1`; `CE` for `CP`: the bowl of P closed by JPEG noise). A unit code (`GDTrH` read `GDTTH`) is in no vocabulary, so it is not mended',
  substitute: [['1', 'T'], ['1', 'I'], ['l', 'I'], ['0', 'O'], ['0', 'Đ'], ['D', 'Đ'], ['©', 'C'], ['€', 'C'], ['8', 'B'], ['5', 'S'], ['E', 'P']],
  insertions: 'IlE1|©€',
  cases: [
    ['TTEg', 'TTg'],
    ['UBTVQHI15', 'UBTVQH15'],
    ['SKHK&CN', 'SKH&CN'],
    ['T1', 'TT'],
    ['QĐĐ', 'QĐ'],
    ['U8ND', 'UBND'],
    ['NÑQ', 'NQ'],
    ['CE', 'CP'],
  ],
  keeps: ['TTg', 'UBND', 'SKH&©CN', 'KTrVB', 'KSTT', 'QH15', 'TrTNCƯD', 'BTP', 'NQ', 'GDTTH', 'VPE', 'TE'],
};

export interface OcrTermDigit {
  id: string;
  why: string;
  /** how many words after the symbol its citation date may be (the date word, then the date, perhaps on the next line) */
  lookahead: number;
  /** (OCR words of a page, as text → repaired); a line break is a space */
  cases: [string, string][];
  keeps: string[];
}

export const OCR_TERM_DIGIT: OcrTermDigit = {
  id: 'ocr.symbol.term-digit',
  why: 'a digit of the legislature term dropped (`UBTVQH5` for `UBTVQH15`): the term is restored when the symbol\'s year, or else the citation date just after it, allows exactly one term that gives the read number by dropping one digit (terms: legislatureTerms in src/vocab/data/documents.yaml)',
  lookahead: 3,
  cases: [
    ['Nghị quyết số 1663/NQ-UBTVQH5 ngày 16/6/2025 của Ủy ban', 'Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban'],
    ['Luật số 64/2025/QH5, Nghị định', 'Luật số 64/2025/QH15, Nghị định'],
    ['Luật Tố cáo số 25/2018/QH4; Nghị định', 'Luật Tố cáo số 25/2018/QH14; Nghị định'],
    ['Nghị quyết số 35/2023/UBTVQH1 ngày', 'Nghị quyết số 35/2023/UBTVQH15 ngày'],
  ],
  keeps: [
    // no year and no date: not decidable
    'Nghị quyết số 1663/NQ-UBTVQH5 của Ủy ban',
    // the term agrees with the year
    'Luật số 25/2018/QH14 ngày 12/6/2018',
    // a boundary year allows two terms (14 and 15 both give `1`)
    'Nghị quyết số 12/2021/UBTVQH1 ngày',
    // a known term that disagrees with the year is not an OCR drop
    'Luật số 64/2025/QH13',
  ],
};

export interface OcrUnitMarks {
  id: string;
  why: string;
  /** the words a frequency counts, and the periods after its `/` (src/vocab/frequency.ts) */
  units: readonly string[];
  per: readonly string[];
  cases: [string, string][];
  keeps: string[];
}

export const OCR_UNIT_MARKS: OcrUnitMarks = {
  id: 'ocr.frequency.unit-marks',
  why: 'a tone mark of a frequency unit lost or changed (`04 lân/tháng` for `04 lần/tháng`): in the frame figure, word, `/`, period, a word that is no frequency unit but is one with its marks stripped (exactly one) is that unit',
  units: FREQUENCY_UNITS,
  per: FREQUENCY_PER,
  cases: [
    ['phát 48 tin, bài tuyên truyền (04 lân/tháng).', 'phát 48 tin, bài tuyên truyền (04 lần/tháng).'],
    ['giao ban 02 buôi/tuần', 'giao ban 02 buổi/tuần'],
    ['tiếp công dân định kỳ 02 lan/tháng theo quy định', 'tiếp công dân định kỳ 02 lần/tháng theo quy định'],
  ],
  keeps: ['tổ chức 01 lần/tuần', 'các xã 04 lân cận', 'đạt 04 lân/hộ', 'giá 12 ban/tháng'],
};
