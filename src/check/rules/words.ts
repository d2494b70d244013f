/**
 * Words the check engine (../util.ts) reads, as data: the engine code holds no Vietnamese or English word.
 * Each list is matched against folded text (foldForMatch: lower case, tone marks placed one way).
 */

/** `khoảng`, `gần`, `hơn`, `trên`, `ước` … just before a number make it approximate. */
export const APPROX = /(khoảng|xấp xỉ|gần|hơn|trên|ước|ước tính|ước đạt|dự kiến|about|approximately|around|nearly|over|more than|almost)\s*$/;

/** the same words inside a figure's own text (`khoảng 1.200 hồ sơ`) */
export const APPROX_INSIDE = /khoảng|approximately|about/;

/** Parts that overlap others instead of adding up (`hết hiệu lực một phần` is a subset of `còn hiệu lực`). */
export const NON_ADDITIVE = /một phần|trong đó có|bao gồm cả/;
