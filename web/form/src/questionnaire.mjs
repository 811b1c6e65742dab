// The questionnaire as the page gets it (questionnaire.yaml as JSON), read with the Java
// loader's defaults (StructureParser), its show_if conditions (Condition), and which answers
// count (Flow.effective): pure functions, shared by the engine and its tests.
export const SKIP = "_skip";
export const DONT_KNOW = "_dont_know";
const NOT_ANSWERS = new Set([SKIP, DONT_KNOW]);
export const WITH_OPTIONS = new Set(["single", "multi", "number_band"]);
const NO_CHOICE = new Set();

/** questionnaire.yaml's option, with StructureParser's defaults. */
function option(o) {
  return {
    id: String(o.id), urgent: o.urgent === true, exclusive: o.exclusive === true, locked: o.locked === true,
    action: o.action ?? "continue", message: o.message ?? null, showIf: o.show_if ?? null,
    min: o.min ?? null, max: o.max ?? null, contactInBot: o.contact_in_bot === true,
  };
}

/** questionnaire.yaml's question, with StructureParser's defaults. */
export function question(q) {
  const asks = q.kind !== "info";
  return {
    id: String(q.id), kind: q.kind, skip: q.skip ?? asks, dontKnow: q.dont_know ?? asks, showIf: q.show_if ?? null,
    options: (q.options ?? []).map(option), yearsBack: q.years_back ?? 10, maxLength: q.max_length ?? 1000,
  };
}

/** Condition.holds: `chosen(questionId)` is the set of what was chosen, empty when nothing. */
export function holds(c, chosen) {
  if (c.all) return c.all.every((x) => holds(x, chosen));
  if (c.any) return c.any.some((x) => holds(x, chosen));
  if (c.answered !== undefined) return [...chosen(String(c.answered))].some((a) => !NOT_ANSWERS.has(a));
  const picked = [...chosen(String(c.question))];
  if (c.any_of) return picked.some((a) => c.any_of.map(String).includes(a));
  return !picked.some((a) => c.none_of.map(String).includes(a));
}

/**
 * Flow.effective: in questionnaire order, the answers of shown questions only, each without the
 * options that earlier answers now hide (an answer left with nothing counts as unanswered); the
 * choices conditions read; and the shown questions.
 */
export function effective(questions, given) {
  const answers = new Map();
  const sofar = new Map();
  const chosen = (id) => sofar.get(id) ?? NO_CHOICE;
  const shown = [];
  for (const q of questions) {
    if (q.showIf && !holds(q.showIf, chosen)) continue;
    shown.push(q);
    const answer = given.get(q.id);
    if (answer) {
      const kept = WITH_OPTIONS.has(q.kind) ? answer.filter((v) => NOT_ANSWERS.has(v) || offered(q, v, chosen)) : answer;
      if (kept.length > 0) {
        answers.set(q.id, [...kept]);
        sofar.set(q.id, new Set(kept));
      }
    }
  }
  return { answers, chosen, shown };
}

function offered(q, optionId, chosen) {
  const o = q.options.find((x) => x.id === optionId);
  return o !== undefined && (!o.showIf || holds(o.showIf, chosen));
}

/** Whether these answers include an option that passes `test` (urgent, contact in the bot). */
export function anyOption(questions, answers, test) {
  for (const [qid, ids] of answers) {
    const q = questions.find((x) => x.id === qid);
    if (q && ids.some((id) => q.options.some((o) => o.id === id && test(o)))) return true;
  }
  return false;
}
