/**
 * English lexicon: the data behind the English rules (document type names, symbol type codes, months,
 * number words, words that make a number "not a metric"). Every entry carries an example of its use.
 */

import { TYPE_CODES as SHARED_TYPE_CODES, type DocumentTypeSlug } from '../../vocab/document-types.js';

export type DocType = DocumentTypeSlug;

export type Category = 'normative' | 'administrative' | 'cong-van' | 'party' | 'law' | 'joint' | 'other';

export interface TypeWord {
  /** the English name as written (matched case-insensitively on the first letter of each word) */
  words: string;
  type: DocType;
  example: string;
}

/**
 * English names of Vietnamese document types. Longer names first (the regex alternation is built in this order).
 * "Regulation" is ambiguous (quy chế / quy định): the symbol's type code decides when there is one.
 */
export const TYPE_WORDS: TypeWord[] = [
  { words: 'Joint Circular', type: 'thong-tu-lien-tich', example: 'Joint Circular No. 01/2015/TTLT-BNV-BTC' },
  { words: 'Official Letter', type: 'cong-van', example: 'Official Letter No. 335/VPUBND-KSTT' },
  { words: 'Official Dispatch', type: 'cong-van', example: 'Official Dispatch No. 418/SKH&CN-VP' },
  { words: 'Official Telegram', type: 'cong-dien', example: 'Official Telegram No. 12/CD-UBND' },
  { words: 'Dispatch', type: 'cong-van', example: 'Dispatch 1189/SKH&CN-VP' },
  { words: 'Letter', type: 'cong-van', example: 'Letter No. 335/VPUBND-KSTT' },
  { words: 'Telegram', type: 'cong-dien', example: 'Telegram No. 5/CD-TTg' },
  { words: 'Law', type: 'luat', example: 'Law No. 80/2015/QH13' },
  { words: 'Code', type: 'luat', example: 'Code No. 100/2015/QH13' },
  { words: 'Decree', type: 'nghi-dinh', example: 'Decree 107/2020/ND-CP' },
  { words: 'Resolution', type: 'nghi-quyet', example: 'Resolution No. 05/2023/NQ-HDND' },
  { words: 'Decision', type: 'quyet-dinh', example: 'Decision No. 23/2023/QD-UBND' },
  { words: 'Circular', type: 'thong-tu', example: 'Circular No. 07/2021/TT-BNV' },
  { words: 'Directive', type: 'chi-thi', example: 'Directive No. 12/CT-UBND' },
  { words: 'Plan', type: 'ke-hoach', example: 'Plan No. 286/KH-SKH&CN' },
  { words: 'Report', type: 'bao-cao', example: 'Report No. 412/BC-UBND' },
  { words: 'Submission', type: 'to-trinh', example: 'Submission No. 04/TTr-SKHCN' },
  { words: 'Proposal', type: 'to-trinh', example: 'Proposal No. 15/TTr-SNV' },
  { words: 'Guidance', type: 'huong-dan', example: 'Guidance No. 36-HD/VPTW' },
  { words: 'Guideline', type: 'huong-dan', example: 'Guideline No. 07/HD-SNV' },
  { words: 'Instruction', type: 'huong-dan', example: 'Instruction No. 07/HD-SNV' },
  { words: 'Notice', type: 'thong-bao', example: 'Notice No. 88/TB-UBND' },
  { words: 'Announcement', type: 'thong-bao', example: 'Announcement No. 88/TB-UBND' },
  { words: 'Notification', type: 'thong-bao', example: 'Notification No. 88/TB-UBND' },
  { words: 'Programme', type: 'chuong-trinh', example: 'Programme No. 05/CTr-UBND' },
  { words: 'Program', type: 'chuong-trinh', example: 'Program No. 05/CTr-UBND' },
  { words: 'Scheme', type: 'de-an', example: 'Scheme No. 02/DA-UBND' },
  { words: 'Project', type: 'de-an', example: 'Project No. 02/DA-UBND' },
  { words: 'Statute', type: 'quy-che', example: 'Statute No. 03/QC-SKHCN' },
  { words: 'Rules', type: 'quy-che', example: 'Rules No. 03/QC-SKHCN' },
  { words: 'Regulation', type: 'quy-dinh', example: 'Regulation No. 12/QyD-UBND' },
  { words: 'Conclusion', type: 'ket-luan', example: 'Conclusion No. 18-KL/TW' },
];

/** Type codes in symbols: the one table both packs read (src/vocab/document-types.ts). */
export const TYPE_CODES: Readonly<Record<string, DocType>> = SHARED_TYPE_CODES;

/** Types whose symbol with a `/YYYY/` year makes a normative (QPPL) document. */
export const NORMATIVE_TYPES = new Set<DocType>(['nghi-dinh', 'nghi-quyet', 'quyet-dinh', 'thong-tu', 'chi-thi', 'luat']);

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Regex alternation of month names, first letter either case (`[Nn]ovember`), long names before short. */
export const MONTH_SOURCE = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Sept', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
]
  .map((m) => `[${m[0]}${m[0]!.toLowerCase()}]${m.slice(1)}`)
  .join('|');

/** Number words (`twenty-two`, `one hundred and five`); compromise turns a run of them into a value. */
export const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
];

/** Words that stand for a number on their own: `a dozen` = 12, `a hundred` = 100. */
export const QUANTITY_WORDS: Record<string, number> = { dozen: 12, score: 20 };

/** Frequency words: `once a quarter` = 1 per quarter, `twice a year` = 2 per year. */
export const FREQUENCY_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** Periods a frequency counts per (`per quarter`, `a month`, `/quarter`). */
export const PERIOD_WORDS = ['day', 'week', 'month', 'quarter', 'year', 'semester', 'session'];

/**
 * A number right after one of these words is an identifier, not a measurement:
 * `level 4`, `Article 5`, `No. 3`, `Issue 01, 02`, `ISO 9001`, `Phase 2`, `page 7`, `Covid-19`.
 */
export const NOT_METRIC_BEFORE = new Set([
  'level', 'levels', 'article', 'articles', 'clause', 'clauses', 'point', 'item', 'items', 'no', 'no.', 'nos', 'nos.',
  'number', 'issue', 'issues', 'iso', 'tcvn', 'version', 'phase', 'page', 'pages', 'chapter', 'section', 'part', 'annex',
  'appendix', 'form', 'table', 'step', 'round', 'stage', 'term', 'grade', 'class', 'room', 'covid', 'decree', 'decision',
  'circular', 'resolution', 'plan', 'law', 'directive', 'letter', 'dispatch', 'vol', 'vol.', 'volume', 'bulletin',
  'quarter', 'q', 'district', 'ward', 'zone', 'hotline', 'tel', 'tel.', 'fax', 'km', 'route', 'lot', 'unit',
  'standard', 'standards', 'mức', 'edition',
]);

/**
 * Physical units written after a number: `41,250 ha`, `14.5 km of canals`, `612,400 tonnes`, `2,380 m2`,
 * `6.8 tonnes/ha`. Longer spellings first (the regex alternation is built in this order).
 */
export const MEASURE_UNITS = [
  'hectares', 'hectare', 'ha', 'square kilometres', 'square kilometers', 'square metres', 'square meters', 'cubic metres',
  'cubic meters', 'sq km', 'km2', 'km²', 'kilometres', 'kilometers', 'km', 'm2', 'm²', 'm3', 'm³', 'metres', 'meters',
  'tonnes', 'tonne', 'tons', 'ton', 'quintals', 'kilograms', 'kg', 'litres', 'liters', 'MW', 'kWh', 'GWh', 'MWh',
];

/** Words that open a breakdown of the total just before them. */
export const BREAKDOWN_MARKERS = ['of which', 'of whom', 'of these', 'of them', 'of those', 'including', 'includes', 'include', 'namely', 'in which', 'among which', 'among whom', 'among them', 'among these', 'among those', 'comprising', 'consisting of'];

/** Words after a number that say it is an age, time or duration rather than a count of things. */
export const DURATION_UNITS = new Set(['days', 'day', 'hours', 'hour', 'minutes', 'minute', 'months', 'month', 'weeks', 'week', 'years', 'year', 'working']);
