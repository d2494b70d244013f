/**
 * One linear pass over an XML part before any parser sees it: nesting depth and the length of each tag
 * are bounded (LIMITS.xmlDepth, LIMITS.xmlTagChars), so a part with one unclosed tag megabytes long or
 * nested a million deep fails with a reason instead of costing a parser minutes or its stack.
 */
import { LIMITS, LimitExceeded } from '../util/limits.js';

export function checkXmlShape(name: string, xml: string): void {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    const next = xml.charCodeAt(i + 1);
    // end = the index of the tag's closing '>' (the part's length when it is never closed)
    let end: number;
    if (next === 0x21 /* ! */ && xml.startsWith('<!--', i)) end = at(xml.indexOf('-->', i + 4), 2, xml.length);
    else if (next === 0x21 && xml.startsWith('<![CDATA[', i)) end = at(xml.indexOf(']]>', i + 9), 2, xml.length);
    else end = at(xml.indexOf('>', i + 1), 0, xml.length);
    const tagChars = end - i + 1;
    if (tagChars > LIMITS.xmlTagChars && next !== 0x21) {
      throw new LimitExceeded('xmlTagChars', `${name}: a tag of ${tagChars} characters${end >= xml.length ? ' (never closed)' : ''}`);
    }
    if (next === 0x2f /* / */) depth--;
    else if (next !== 0x3f /* ? */ && next !== 0x21 && xml.charCodeAt(end - 1) !== 0x2f) {
      if (++depth > LIMITS.xmlDepth) throw new LimitExceeded('xmlDepth', `${name}: elements nested ${depth} deep`);
    }
    i = xml.indexOf('<', end + 1);
  }
}

const at = (found: number, plus: number, missing: number): number => (found < 0 ? missing : found + plus);
