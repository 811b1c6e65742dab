// The sealed testimony's JSON, byte for byte as the bot's TestimonyContent.toJson() writes it
// (Jackson over TreeMaps: keys in String.compareTo order, compact, "urgent" only when true,
// "redacted" never at submission).
/** A JSON string as Jackson writes it: like JSON.stringify, with upper-case \u00XX escapes. */
const jsonString = (s) => JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, (_, h) => `\\u00${h.toUpperCase()}`);

/** A map as a TreeMap of Jackson writes it: keys in String.compareTo order, compact. */
function jsonObject(entries, value) {
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${jsonString(k)}:${value(entries.get(k))}`).join(",")}}`;
}


/** answers: Map of question id to option ids; texts: Map of question id to masked text. */
export function testimonyJson({ questionnaire, version, language, answers, texts, urgent }) {
  const wire = new Map([
    ["answers", jsonObject(answers, (list) => `[${list.map(jsonString).join(",")}]`)],
    ["language", jsonString(language)],
    ["questionnaire", jsonString(questionnaire)],
    ["texts", jsonObject(texts, jsonString)],
    ["version", String(version)],
  ]);
  if (urgent) wire.set("urgent", "true");
  return jsonObject(wire, (v) => v);
}
