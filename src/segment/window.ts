/** The header block is looked for in the first characters of the text (of its layout view). */
export const HEADER_WINDOW = 1500;
