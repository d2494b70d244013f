/**
 * Names of Vietnamese agencies as they appear in report bodies, for inferring a body-only report's agency.
 * Data: department (Sở) and ministry (Bộ) names, longest first.
 */
import { escapeRegExp } from '../util/pattern.js';

export const DEPARTMENT_NAMES: readonly string[] = [
  'Khoa học và Công nghệ', 'Nội vụ', 'Tư pháp', 'Tài chính', 'Kế hoạch và Đầu tư', 'Giáo dục và Đào tạo', 'Y tế',
  'Xây dựng', 'Giao thông vận tải', 'Công Thương', 'Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường',
  'Tài nguyên và Môi trường', 'Lao động - Thương binh và Xã hội', 'Lao động, Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch', 'Văn hóa và Thể thao', 'Du lịch', 'Thông tin và Truyền thông', 'Ngoại vụ',
  'Dân tộc và Tôn giáo', 'Khoa học & Công nghệ', 'KH&CN', 'KHCN', 'NN&PTNT', 'TN&MT', 'GD&ĐT', 'KH&ĐT', 'LĐTB&XH',
  'TT&TT', 'VHTT&DL',
];

const alt = [...DEPARTMENT_NAMES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

/** `Sở Khoa học và Công nghệ`, `Bộ Nội vụ`, `Ủy ban nhân dân tỉnh Tiền Giang`, `UBND huyện Châu Thành` */
export const BODY_AGENCY = new RegExp(
  `((?:Sở|Bộ) (?:${alt})|(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND) (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường) [A-ZĐ][\\p{L}]*(?: [A-ZĐ][\\p{L}]*){0,3})`,
  'gu',
);
