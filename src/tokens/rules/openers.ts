/**
 * Layout rules as data: what opens a new line for real (a list item, a heading, a table row), so that the
 * line break before it is hard. Every other single line break is a soft wrap inside running text.
 * One vocabulary for both languages; each record carries the examples that are its test
 * (`test/tokens-layout.test.ts` runs them).
 */
export interface OpenerRule {
  id: string;
  /** matched at the start of a line (after leading spaces and emphasis markers); must not use flags i/u */
  pattern: string;
  /** line starts this rule must recognise */
  opens: string[];
  /** line starts it must not */
  continues: string[];
}

export const OPENER_RULES: OpenerRule[] = [
  {
    id: 'opener.bullet',
    pattern: '(?:[-+•>#]|\\*(?= ))',
    opens: ['- Thay thế: 03 văn bản', '+ cấp tỉnh 98 thủ tục', '• item', '# Heading', '* bullet'],
    continues: ['2024 của Sở', 'tháng 11 năm 2025'],
  },
  {
    id: 'opener.table-row',
    pattern: '\\|',
    opens: ['| Số học sinh | Người | 398.672 |', '|'],
    continues: ['tại khoản 3'],
  },
  {
    id: 'opener.numbered-item',
    // `1.` `1.2.` `2)` `(3)` followed by a space or the end of the line; not `2024 của`, not `36,5%`
    pattern: '\\(?[0-9]{1,3}(?:\\.[0-9]{1,3}){0,3}[.)](?:\\s|$)',
    opens: ['1. Về ban hành kế hoạch', '1.2. Kết quả', '2) Cải cách', '(3) nội dung'],
    continues: ['2024 của Sở', '36,5% hồ sơ', '1.245 hồ sơ được', '12/2023/QĐ-UBND'],
  },
  {
    id: 'opener.lettered-item',
    pattern: '\\(?(?:[a-z]|đ)\\)(?:\\s|$)',
    opens: ['a) Sở Nội vụ', 'đ) Khác', '(b) item'],
    continues: ['ngày 20', 'an toàn'],
  },
  {
    id: 'opener.roman-heading',
    pattern: '(?:[IVX]{1,5}|[A-Z])\\.(?:\\s|$)',
    opens: ['I. CÔNG TÁC CHỈ ĐẠO', 'IV. PHƯƠNG HƯỚNG', 'A. PHẦN MỞ ĐẦU'],
    continues: ['TP. Hồ Chí Minh', 'UBND tỉnh'],
  },
  {
    id: 'opener.heading-word',
    // Vietnamese and English structural words followed by a number or numeral
    pattern: '(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ lục|PHỤ LỤC|Article|ARTICLE|Chapter|CHAPTER|Section|SECTION|Part|PART|Annex|ANNEX) +(?:[0-9]{1,3}|[IVXLC]{1,6}|thứ|THỨ)',
    opens: ['Điều 1. Ban hành', 'Chương II', 'PHẦN I', 'Phụ lục 01', 'Article 5.', 'Section 2'],
    continues: ['điều chỉnh', 'Phần lớn các hồ sơ', 'Mục tiêu chung'],
  },
  {
    id: 'opener.rule-line',
    pattern: '(?:-{3,}|_{3,}|={3,})',
    opens: ['-------', '___'],
    continues: ['- item'],
  },
];
