/**
 * Saved pages of legal websites wrap the document in the site's own text: a metadata box before it (`Số hiệu:`,
 * `Loại văn bản:`, `Ngày ban hành:` … `Tình trạng:`), a title line, "related documents" lists and notes after it.
 * Each record names how one kind of page is recognised and where its document starts and ends; the examples
 * are its test (test/site-frame.test.ts). Text outside the frame gives no facts and no header.
 */
/** why a stretch of a saved page is not the document */
export type FurnitureReason = 'site-navigation' | 'site-metadata' | 'site-summary' | 'site-title' | 'site-note' | 'related-documents' | 'amendment-notes' | 'attachments';

export interface SiteFrameRule {
  id: string;
  /** all of these labels occur (at a line start, emphasis aside) in the metadata box */
  boxLabels: string[];
  /** the box's last label: the document starts after the value line that follows it */
  lastLabel: string;
  /** a site-written summary right after the box opens with this heading; it runs to a line that is only `summaryEnd` */
  summaryHeading: string;
  summaryEnd: string;
  /** the first of these lines after the start ends the document; each opens a part of the site's text after it,
   * recorded as furniture with its reason */
  endMarkers: { marker: string; reason: FurnitureReason }[];
  /** the line right before the end marker is the site's title of the document when it matches this (outside too) */
  titleLine: string;
  /** the box label whose value is the document's number (`Số hiệu:` → `637/TB-VPCP`): the site's title names it,
   * also when a soft wrap has joined the title to the document's last line */
  numberLabel: string;
  /** the box label whose value is the document's issue date (`Ngày ban hành:` → `20/11/2025`) */
  dateLabel: string;
  example: { text: string; document: string };
}

export const SITE_FRAME_RULES: SiteFrameRule[] = [
  {
    id: 'site.legal-library',
    boxLabels: ['Số hiệu:', 'Loại văn bản:', 'Ngày ban hành:'],
    lastLabel: 'Tình trạng:',
    summaryHeading: '## ',
    summaryEnd: '|',
    endMarkers: [
      { marker: 'Văn bản này chưa cập nhật nội dung Tiếng Anh', reason: 'site-note' },
      { marker: '## Văn bản liên quan', reason: 'related-documents' },
      { marker: 'Văn bản liên quan', reason: 'related-documents' },
      { marker: 'NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN', reason: 'amendment-notes' },
      { marker: 'FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN', reason: 'attachments' },
    ],
    // `Công điện 223/CĐ-TTg năm 2025 …`, `Quyết định 70/2025/QĐ-UBND sửa đổi …`: a type name, then the number
    titleLine: '^[A-ZĐ][^ ]*(?: [^ 0-9]+)? [0-9][0-9.]*/[^ ]+',
    numberLabel: 'Số hiệu:',
    dateLabel: 'Ngày ban hành:',
    example: {
      text: 'Đang tải văn bản...\n**Số hiệu:**\n|\n5348/CT-CS\n**Loại văn bản:**\n|\nCông văn\n**Ngày ban hành:**\n|\n20/11/2025\n**Tình trạng:**\n|\nĐã biết\n|\nBỘ TÀI CHÍNH\nSố: 5348/CT-CS\nNội dung 22 văn bản.\n|\nCông văn 5348/CT-CS năm 2025 hướng dẫn do Cục Thuế ban hành\nVăn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nBan hành:\n11/11/2025\n',
      document: '|\nBỘ TÀI CHÍNH\nSố: 5348/CT-CS\nNội dung 22 văn bản.\n|\n',
    },
  },
];
