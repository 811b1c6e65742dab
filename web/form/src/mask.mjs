// Free text before it is sealed: the same cleaning and masking as the bot's TextSanitizer
// (bot/src/main/java/org/gawahi/bot/interview/TextSanitizer.java), rule for rule. Java's
// UNICODE_CHARACTER_CLASS classes are spelt out, so digits of any script count and \b means the
// same thing; web/form/test/masking-vectors.json holds the cases both sides must pass.

/** Java's \w under UNICODE_CHARACTER_CLASS, as the inside of a character class. */
const W = String.raw`\p{Alphabetic}\p{Mn}\p{Me}\p{Mc}\p{Nd}\p{Pc}\u200C\u200D`;
const D = String.raw`\p{Nd}`;
const S = String.raw`\p{White_Space}`;
/** Java's \b with that \w. */
const B = `(?:(?<=[${W}])(?![${W}])|(?<![${W}])(?=[${W}]))`;

const AT = `${S}*(?:[(\\[{]${S}*at${S}*[)\\]}]|${B}at${B})${S}*`;
const DOT = `${S}*(?:[(\\[{]${S}*dot${S}*[)\\]}]|${B}dot${B})${S}*`;
const TLD = "(?:com|in|org|net|co|info|me|io)";
const TLDS = "com|in|org|net|info|me|co|io|link|xyz|app";
const LOCAL = `[${W}.%+\\-]+`;
const LABEL = `[${W}\\-]+`;

export const EMAIL_MARK = "[#email]";
export const LINK_MARK = "[#link]";
export const ID_MARK = "[#id-number]";
export const PHONE_MARK = "[#phone]";

/** Day, month, year (or year, month, day) joined by dashes, and no more digits after it. */
const DASHED_DATE = `(?:(?:0?[1-9]|[12]${D}|3[01])-(?:0?[1-9]|1[0-2])-(?:19|20)${D}{2}`
    + `|(?:19|20)${D}{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]${D}|3[01]))(?![ ()\\-]{0,2}${D})`;

const rule = (source, mark) => ({ pattern: new RegExp(source, "giu"), mark });

const RULES = [
  rule(`${LOCAL}@${LABEL}(?:\\.${LABEL})+`, EMAIL_MARK),
  rule(`${LOCAL}${AT}${LABEL}(?:${DOT}${LABEL})+(?:(?:${DOT}|\\.)${LABEL})*`
      + `|${LOCAL}${AT}${LABEL}\\.${TLD}${B}(?:\\.${LABEL})*`, EMAIL_MARK),
  rule(`(?:https?://|www\\.)\\P{White_Space}+`
      + `|${B}${LABEL}(?:\\.${LABEL})*\\.(?:${TLDS})${B}(?:/\\P{White_Space}*)?`, LINK_MARK),
  rule(`(?<!${D})${D}{4}[ ./_\\-]?${D}{4}[ ./_\\-]?${D}{4}(?!${D})`, ID_MARK),
  rule(`(?<![${W}])[a-z]{5}${D}{4}[a-z](?![${W}])`, ID_MARK),
  rule(`(?<![${W}])[a-z]{3}${D}{7}(?![${W}])`, ID_MARK),
  rule(`(?<![${W}])[a-z]{2}[ /\\-]?${D}{2}[ /\\-]?(?:19|20)${D}{2}[ /\\-]?${D}{7}(?![${W}])`, ID_MARK),
  rule(`(?<![${W}])[a-z]${D}{7}(?![${W}])`, ID_MARK),
  rule(`(?<!${D})(?!${DASHED_DATE})\\+?\\(?${D}(?:[ ()\\-]{0,2}${D}){7,}(?!${D})`, PHONE_MARK),
  rule(`(?<!${D})\\+?${D}(?:[./_]{1,2}${D}|${D}){9,}(?!${D})`, PHONE_MARK),
];

/** Java's Character.isISOControl, and the format characters (Cf) but ZWNJ and ZWJ. */
const DROPPED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|(?![\u200C\u200D])\p{Cf}/gu;
/** What Java's String.strip takes off both ends (after the controls but \n are gone). */
const EDGE = String.raw`(?:(?![\u00A0\u2007\u202F])[\n\p{Zs}\p{Zl}\p{Zp}])+`;
const EDGES = new RegExp(`^${EDGE}|${EDGE}$`, "gu");

/**
 * Cleans typed text as the bot does: { text, masked, length, problem } where problem is
 * "none", "empty" or "too_long" (length in code points, before masking).
 */
export function clean(raw, maxLength) {
  // A tab, a no-break or a narrow space is a space (Java: Character.SPACE_SEPARATOR).
  let text = raw.replace(/[\t\p{Zs}]/gu, " ").replace(DROPPED, "");
  text = text.replace(EDGES, "");
  const length = [...text].length;
  if (length === 0) {
    return { text: "", masked: false, length: 0, problem: "empty" };
  }
  if (length > maxLength) {
    return { text: "", masked: false, length, problem: "too_long" };
  }
  let masked = false;
  for (const { pattern, mark } of RULES) {
    pattern.lastIndex = 0;
    if (pattern.test(text)) {
      masked = true;
      pattern.lastIndex = 0;
      text = text.replace(pattern, mark);
    }
  }
  return { text, masked, length, problem: "none" };
}
