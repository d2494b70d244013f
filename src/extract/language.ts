/**
 * Language of a document: Vietnamese when a meaningful share of letters carry Vietnamese diacritics
 * or common Vietnamese function words occur; English otherwise.
 */
const VI_MARKED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/gi;
const EN_WORDS = /(?:^|[^a-z])(the|of|and|to|in|is|was|were|with|for|on|by|has|have)(?=[^a-z]|$)/gi;

export function detectLanguage(text: string): 'vi' | 'en' {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const letters = sample.match(/[a-zA-Zà-ỹÀ-Ỹđ]/g)?.length ?? 0;
  if (letters === 0) return 'vi';
  const marked = sample.match(VI_MARKED)?.length ?? 0;
  const en = sample.match(EN_WORDS)?.length ?? 0;
  const words = sample.split(/\s+/).length || 1;
  if (marked / letters > 0.04) return 'vi';
  if (en / words > 0.05) return 'en';
  return marked / letters > 0.01 ? 'vi' : 'en';
}
