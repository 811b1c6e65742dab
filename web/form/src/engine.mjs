// The interview engine of the Mini App form, without the DOM: the same behaviour as the bot's
// Java engine (bot/.../interview: Flow, Answering, Interview, Screens) from the questionnaire
// served as JSON (questionnaire.yaml as is), so a testimony given in the form says exactly what
// the same presses in the chat would (web/form/test/parity-scripts.json: the same scripts through both).
// What the form does not have: the pause (nothing is kept until she sends; an option whose
// action is "pause" ends the form instead) and typing an option's number in place of a button.
import { clean } from "./mask.mjs";
import { anyOption, DONT_KNOW, effective, holds, question, SKIP, WITH_OPTIONS } from "./questionnaire.mjs";
import { testimonyJson } from "./testimony.mjs";

export { DONT_KNOW, SKIP };

/**
 * Digits of any script as ASCII (Answering.asciiDigits): Unicode lays decimal digits out in runs
 * of ten from zero, runs of one script side by side, so a digit's value is its distance from
 * the start of its block of digits, modulo ten.
 */
const isDigit = (cp) => /\p{Nd}/u.test(String.fromCodePoint(cp));
const asciiDigits = (s) => s.replace(/\p{Nd}/gu, (d) => {
  const cp = d.codePointAt(0);
  let first = cp;
  while (isDigit(first - 1)) first--;
  return String((cp - first) % 10);
});

export class Engine {
  /**
   * @param tree     questionnaire.yaml as JSON
   * @param texts    text/<language>.yaml as JSON
   * @param language her language code
   * @param today    { year, month } on her phone: the years and months a raid can be in
   */
  constructor(tree, texts, language, today) {
    this.id = String(tree.id);
    this.version = tree.version ?? 1;
    this.questions = tree.sections.flatMap((s) => s.questions.map(question));
    this.texts = texts;
    this.language = language;
    this.today = today;
    this.reset();
  }

  reset() {
    this.stage = "language";
    this.current = null;
    this.answers = new Map();
    this.textAnswers = new Map();
    this.history = [];
    this.pending = new Set();
    this.pendingYear = null;
    this.editing = false;
    this.returnStage = null;
    this.notice = null;
  }

  question(id) {
    return this.questions.find((q) => q.id === id);
  }

  // ---- Flow ----

  /** Flow.effective over her answers now. */
  effective() {
    return effective(this.questions, this.answers);
  }

  isShown(q, chosen = this.effective().chosen) {
    return !q.showIf || holds(q.showIf, chosen);
  }

  shownOptions(q, chosen = this.effective().chosen) {
    return q.options.filter((o) => !o.showIf || holds(o.showIf, chosen));
  }

  next(fromId, unansweredOnly) {
    const { answers, chosen } = this.effective();
    const start = fromId === null ? 0 : this.questions.findIndex((q) => q.id === fromId) + 1;
    for (const q of this.questions.slice(start)) {
      const answered = answers.has(q.id) || this.textAnswers.has(q.id);
      if (this.isShown(q, chosen) && !(unansweredOnly && answered)) return q;
    }
    return null;
  }

  // ---- Answering ----

  /** After the language: the first question, with what was answered before kept. */
  begin() {
    this.history = [];
    this.editing = false;
    this.returnStage = null;
    const first = this.next(null, false);
    if (!first) {
      this.stage = "review";
      return this.show();
    }
    return this.arrive(first);
  }

  arrive(q) {
    this.stage = "question";
    this.current = q.id;
    this.pendingYear = null;
    this.pending = new Set();
    if (WITH_OPTIONS.has(q.kind)) {
      for (const id of this.answers.get(q.id) ?? []) {
        if (q.options.some((o) => o.id === id)) this.pending.add(id);
      }
      if (q.kind === "multi") q.options.filter((o) => o.locked).forEach((o) => this.pending.add(o.id));
    }
    return this.show();
  }

  show(notice = null) {
    this.notice = notice;
    return { kind: "show", notice };
  }

  /** The question on screen, or null when the stage is not a question. */
  onScreen() {
    return this.stage === "question" ? this.question(this.current) : null;
  }

  /**
   * A press on an option of the question on screen: { kind: "show" | "quick_exit" | "end" |
   * "pause", message? }; null when it is not an option shown now.
   */
  choose(optionId) {
    const q = this.onScreen();
    if (!q || !WITH_OPTIONS.has(q.kind)) return null;
    const o = this.shownOptions(q).find((x) => x.id === optionId);
    if (!o) return null;
    if (q.kind === "multi") {
      this.toggle(q, o);
      return this.show();
    }
    switch (o.action) {
      case "pause": return { kind: "pause" };
      case "quick_exit": return this.ended({ kind: "quick_exit" });
      case "end": return this.ended({ kind: "end", message: o.message });
      case "explain": return this.show(this.message(o.message));
      default: return this.record(q, [o.id]);
    }
  }

  ended(outcome) {
    this.reset();
    this.stage = "ended";
    return outcome;
  }

  toggle(q, o) {
    if (o.locked) return;
    if (this.pending.has(o.id)) {
      this.pending.delete(o.id);
      return;
    }
    const byId = (id) => q.options.find((x) => x.id === id);
    for (const id of [...this.pending]) {
      const x = byId(id);
      if (o.exclusive ? !x || !x.locked : !x || x.exclusive) this.pending.delete(id);
    }
    this.pending.add(o.id);
  }

  /** "Done" on a multi question. */
  done() {
    const q = this.onScreen();
    if (!q || q.kind !== "multi") return null;
    const chosen = this.shownOptions(q).filter((o) => this.pending.has(o.id)).map((o) => o.id);
    const onlyLocked = chosen.every((id) => q.options.find((o) => o.id === id)?.locked === true);
    if (chosen.length === 0 || (onlyLocked && !q.options.some((o) => o.locked))) {
      return this.show(this.message("multi_empty"));
    }
    return this.record(q, chosen);
  }

  skip() {
    const q = this.onScreen();
    return q && q.skip ? this.record(q, [SKIP]) : null;
  }

  dontKnow() {
    const q = this.onScreen();
    return q && q.dontKnow ? this.record(q, [DONT_KNOW]) : null;
  }

  /** "Continue" on an info screen. */
  proceed() {
    const q = this.onScreen();
    return q && q.kind === "info" ? this.advance(q) : null;
  }

  /** The years a month_year question offers, newest first. */
  years(q) {
    const out = [];
    for (let y = this.today.year; y >= this.today.year - q.yearsBack; y--) out.push(y);
    return out;
  }

  lastMonth(year) {
    return year === this.today.year ? this.today.month : 12;
  }

  year(y) {
    const q = this.onScreen();
    if (!q || q.kind !== "month_year" || this.pendingYear !== null || !this.years(q).includes(y)) return null;
    this.pendingYear = y;
    return this.show();
  }

  /** A month of the chosen year, or 0 for "only the year". */
  month(m) {
    const q = this.onScreen();
    if (!q || q.kind !== "month_year" || this.pendingYear === null || !Number.isInteger(m) || m < 0
        || m > this.lastMonth(this.pendingYear)) return null;
    const value = m === 0 ? String(this.pendingYear) : `${this.pendingYear}-${String(m).padStart(2, "0")}`;
    return this.record(q, [value]);
  }

  /** Typed text: the answer of a text question, or a number for a number_band question. */
  type(raw) {
    const q = this.onScreen();
    if (!q) return null;
    if (q.kind === "text") {
      const cleaned = clean(raw, q.maxLength);
      if (cleaned.problem === "empty") return this.show(this.message("text_empty"));
      if (cleaned.problem === "too_long") {
        return this.show(this.message("text_too_long", { count: String(cleaned.length), max: String(q.maxLength) }));
      }
      this.answers.delete(q.id);
      this.textAnswers.set(q.id, cleaned.text);
      const outcome = this.advance(q);
      return cleaned.masked ? this.show(this.message("text_masked")) : outcome;
    }
    if (q.kind === "number_band") {
      const digits = asciiDigits(raw.trim());
      if (/^\d{1,9}$/.test(digits)) {
        const n = Number(digits);
        const band = this.shownOptions(q).find((o) => o.min !== null && n >= o.min && (o.max === null || n <= o.max));
        if (band) return this.record(q, [band.id]);
      }
      return this.show(this.message("number_not_understood"));
    }
    return null;
  }

  record(q, values) {
    this.textAnswers.delete(q.id);
    this.answers.set(q.id, [...values]);
    return this.advance(q);
  }

  advance(from) {
    this.history.push(from.id);
    const next = this.next(from.id, this.editing);
    if (next) return this.arrive(next);
    this.editing = false;
    this.stage = "review";
    return this.show();
  }

  /** Back: from a question, the review or the list of answers to change. */
  back() {
    const q = this.onScreen();
    if (q && q.kind === "month_year" && this.pendingYear !== null) {
      this.pendingYear = null;
      return this.show();
    }
    if (this.stage === "pick") {
      this.stage = "review";
      return this.show();
    }
    if (q && this.editing) {
      this.editing = false;
      this.stage = "review";
      return this.show();
    }
    if (this.stage === "erase_confirm") return this.keepAnswers();
    const { chosen } = this.effective();
    while (this.history.length > 0) {
      const previous = this.question(this.history.pop());
      if (previous && this.isShown(previous, chosen)) return this.arrive(previous);
    }
    this.returnStage = null;
    this.stage = "language";
    return this.show();
  }

  /** "Change an answer" on the review: the list of answers. */
  change() {
    if (this.stage !== "review") return null;
    this.stage = "pick";
    return this.show();
  }

  edit(questionId) {
    const q = this.reviewable().find((x) => x.id === questionId);
    if (this.stage !== "pick" || !q) return null;
    this.editing = true;
    return this.arrive(q);
  }

  /** "Stop & delete": asks first. */
  erase() {
    if (this.stage === "ended" || this.stage === "language") return null;
    if (this.stage !== "erase_confirm") this.returnStage = this.stage;
    this.stage = "erase_confirm";
    return this.show();
  }

  confirmErase() {
    return this.stage === "erase_confirm" ? this.ended({ kind: "erased" }) : null;
  }

  keepAnswers() {
    if (this.stage !== "erase_confirm") return null;
    this.stage = this.returnStage ?? "question";
    this.returnStage = null;
    if (this.stage === "question" && !this.question(this.current)) return this.begin();
    return this.show();
  }

  // ---- what she sees ----

  message(key, params = {}) {
    let text = this.texts.messages?.[key];
    if (text === undefined) throw new Error(`no message ${key}`);
    for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(v);
    return text;
  }

  questionText(id) {
    return this.texts.questions[id].text;
  }

  shortLabel(id) {
    const t = this.texts.questions[id];
    return typeof t.short === "string" && t.short.trim() !== "" ? t.short : t.text;
  }

  optionLabel(qid, oid) {
    const label = this.texts.questions[qid].options?.[oid];
    if (label === undefined) throw new Error(`no label ${qid}.${oid}`);
    return label;
  }

  /** "n of about total", as the chat's progress line. */
  progress() {
    const shown = this.effective().shown;
    const n = shown.findIndex((q) => q.id === this.current) + 1;
    return this.message("progress", { n: String(n), total: String(shown.length) });
  }

  /** Questions on the review: shown and answerable, not the consent gates. */
  reviewable() {
    return this.effective().shown.filter((q) => q.kind !== "info" && q.options.every((o) => o.action === "continue"));
  }

  /** The review's lines: { id, label, answer }. */
  reviewLines() {
    const { answers } = this.effective();
    return this.reviewable().map((q) => ({ id: q.id, label: this.shortLabel(q.id), answer: this.answerLabel(q, answers.get(q.id)) }));
  }

  answerLabel(q, answer) {
    if (this.textAnswers.has(q.id)) return this.textAnswers.get(q.id);
    if (!answer || answer.length === 0) return "—";
    if (answer.includes(SKIP)) return this.message("answer_skipped");
    if (answer.includes(DONT_KNOW)) return this.message("answer_dont_know");
    if (q.kind === "month_year") {
      const [y, m] = answer[0].split("-");
      return m ? `${this.message(`month_${Number(m)}`)} ${y}` : y;
    }
    const labels = answer.filter((id) => q.options.some((o) => o.id === id)).map((id) => this.optionLabel(q.id, id));
    return labels.length === 0 ? this.message("answer_none") : labels.join(", ");
  }

  // ---- what is sealed ----

  /** The answers and texts of shown questions only (Flow.effectiveAnswers, effectiveTexts). */
  content() {
    const { answers, chosen } = this.effective();
    const texts = new Map();
    for (const [id, text] of this.textAnswers) {
      const q = this.question(id);
      if (q && this.isShown(q, chosen)) texts.set(id, text);
    }
    return { answers, texts };
  }

  isUrgent(answers = this.content().answers) {
    return anyOption(this.questions, answers, (o) => o.urgent);
  }

  asksContactInBot(answers = this.content().answers) {
    return anyOption(this.questions, answers, (o) => o.contactInBot);
  }

  /** The testimony exactly as TestimonyContent.toJson() writes it, urgent marked as on arrival. */
  testimonyJson() {
    const { answers, texts } = this.content();
    return testimonyJson({ questionnaire: this.id, version: this.version, language: this.language, answers, texts,
      urgent: this.isUrgent(answers) });
  }

}
