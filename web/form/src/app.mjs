// The Mini App form: asks the questionnaire in her language, seals the answers in this page and
// sends only the sealed record. Nothing is stored in the browser (no cookies, storage or service
// worker) and there is no pause: nothing exists anywhere until she sends. Elements that tests and
// screen readers find: data-option, data-action, data-question, data-language, data-year,
// data-month, data-edit, data-receipt.
import { Engine } from "./engine.mjs";
import { canSeal, prepare, sealTestimony } from "./seal.mjs";
import { withoutBotContact } from "./link.mjs";
import * as tg from "./telegram.mjs";

const root = () => document.getElementById("form");
const launch = tg.launchParams();
// Opened with a one-time link in any browser: no Telegram, no chat to be contacted in.
const byLink = launch.link !== "";
if (byLink) {
  tg.runStandalone();
  // The link out of the address bar and this history entry; it lives on in memory only.
  history.replaceState(null, "", location.pathname + location.search);
}
/** What names the sender to the server: Telegram's launch data, or the link. */
const sender = () => (byLink ? { link: launch.link } : { initData: launch.initData });
let served = null; // the /form/api/open answer in her language
let engine = null;
let words = {}; // the form's own words (text/<lang>.yaml form:)
let sending = false;
let mainAction = null;
let prepared = null; // the key agreement for her one testimony, done while she reads the review
let backAction = null;

/** An element with attributes (data-*, class, type...) and children (strings are text, never HTML). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "onclick") el.addEventListener("click", v);
    else if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

const say = (key, fallback = "") => words[key] ?? fallback;
const message = (key, params) => engine.message(key, params);

async function api(path, body) {
  const response = await fetch(`api/${path}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    // The code the server names, or the one its status means (a proxy may answer 413 itself).
    const byStatus = { 400: "bad_record", 401: "launch_invalid", 409: "already_sent", 413: "too_big", 429: "too_many" };
    throw Object.assign(new Error("refused"), { code: json.error ?? byStatus[response.status] ?? "unavailable" });
  }
  return json;
}

async function open(language) {
  served = await api("open", { ...sender(), language });
  if (byLink) served.questionnaire = withoutBotContact(served.questionnaire);
  words = served.form ?? {};
  document.documentElement.lang = served.language;
}

function show(...children) {
  const r = root();
  r.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
  window.scrollTo(0, 0);
  const first = r.querySelector("h1, p");
  if (first) first.setAttribute("tabindex", "-1");
}

function action(name, label, onclick, extra = {}) {
  return h("button", { type: "button", "data-action": name, class: extra.class ?? "nav", onclick }, label);
}

/** Telegram's own Back and Main buttons mirror the page's. */
function telegramButtons(back, main, mainLabel) {
  backAction = back;
  mainAction = main;
  tg.backButton(back !== null);
  tg.mainButton(main ? mainLabel : null);
  tg.confirmClosing(engine !== null && (engine.answers.size > 0 || engine.textAnswers.size > 0));
}

// ---- screens ----

function languageScreen(notice) {
  const texts = served.texts;
  show(
    notice ? h("p", { class: "notice", role: "alert" }, notice) : null,
    byLink ? h("p", { class: "lead", "data-link": true }, say("link_intro")) : null,
    h("p", { class: "lead" }, say("no_pause")),
    h("h1", {}, texts.messages.choose_language),
    // Her guessed language first, as the chat's language buttons; then the questionnaire's order.
    h("div", { class: "choices" }, [...served.languages].sort((a, b) => (b.code === served.language) - (a.code === served.language)).map((l) =>
      h("button", { type: "button", class: "choice", "data-language": l.code, lang: l.code, onclick: () => chooseLanguage(l.code) },
        l.name))));
  telegramButtons(null, null);
}

async function chooseLanguage(code) {
  if (!engine || code !== engine.language) {
    const kept = engine;
    if (code !== served.language) await open(code);
    const now = new Date();
    engine = new Engine(served.questionnaire, served.texts, served.language, { year: now.getFullYear(), month: now.getMonth() + 1 });
    if (kept) {
      engine.answers = kept.answers;
      engine.textAnswers = kept.textAnswers;
    }
  }
  if (!canSeal()) {
    cannotSeal();
    return;
  }
  engine.begin();
  render();
}

function cannotSeal() {
  engine = null;
  show(h("p", { class: "notice", role: "alert" }, byLink ? say("link_cannot_seal") : say("cannot_seal")),
    action("close", say("close"), closeForm));
  telegramButtons(null, closeForm, say("close"));
}

function render() {
  switch (engine.stage) {
    case "language": return languageScreen(engine.notice);
    case "question": return questionScreen();
    case "review": return reviewScreen(engine.notice);
    case "pick": engine.stage = "review"; return reviewScreen();
    case "erase_confirm": return eraseScreen();
    default: return null;
  }
}

function after(outcome) {
  if (outcome === null) return render();
  switch (outcome.kind) {
    case "show": return render();
    case "quick_exit": return leave(null);
    case "end": return leave(message(outcome.message));
    case "erased": return leave(say("erased"));
    case "pause": engine = null; return leave(byLink ? say("link_no_pause_closed") : say("no_pause_closed"));
    default: return render();
  }
}

/** The form ends without a testimony: her answers are dropped, a last word, then Close. */
function leave(text) {
  engine = null;
  prepared = null;
  tg.confirmClosing(false);
  if (text === null) {
    show();
    closeForm();
    return;
  }
  show(h("p", { class: "end" }, text), action("close", say("close"), closeForm, { class: "primary" }));
  telegramButtons(null, closeForm, say("close"));
}

function questionScreen() {
  const q = engine.onScreen();
  const body = [h("p", { class: "progress" }, engine.progress())];
  if (engine.notice) body.push(h("p", { class: "notice", role: "alert" }, engine.notice));
  body.push(h("h1", {}, engine.questionText(q.id)));
  let next = null;
  if (q.kind === "month_year") {
    if (engine.pendingYear === null) {
      body.push(h("p", {}, message("pick_year")), h("div", { class: "grid" }, engine.years(q).map((y) =>
        h("button", { type: "button", class: "choice", "data-year": y, onclick: () => after(engine.year(y)) }, String(y)))));
    } else {
      const months = [];
      for (let m = 1; m <= engine.lastMonth(engine.pendingYear); m++) {
        months.push(h("button", { type: "button", class: "choice", "data-month": m, onclick: () => after(engine.month(m)) },
          message(`month_${m}`)));
      }
      body.push(h("p", {}, message("pick_month", { year: String(engine.pendingYear) })), h("div", { class: "grid" }, months),
        h("button", { type: "button", class: "choice", "data-month": 0, onclick: () => after(engine.month(0)) },
          message("button_only_year")));
    }
  } else if (q.kind === "text" || q.kind === "number_band") {
    if (q.kind === "number_band") body.push(options(q));
    const field = q.kind === "text"
      ? h("textarea", { "data-question": q.id, rows: 6, maxlength: q.maxLength * 2, "aria-label": engine.questionText(q.id) })
      : h("input", { "data-question": q.id, type: "text", inputmode: "numeric", autocomplete: "off", "aria-label": engine.questionText(q.id) });
    if (q.kind === "text" && engine.textAnswers.has(q.id)) field.value = engine.textAnswers.get(q.id);
    next = () => after(engine.type(field.value));
    body.push(field, action("next", message("button_continue"), next, { class: "primary" }));
  } else {
    body.push(options(q));
    if (q.kind === "multi") {
      body.push(h("p", { class: "hint" }, message("multi_hint")));
      next = () => after(engine.done());
      body.push(action("next", message("button_done"), next, { class: "primary" }));
    } else if (q.kind === "info") {
      next = () => after(engine.proceed());
      body.push(action("next", message("button_continue"), next, { class: "primary" }));
    }
  }
  const answerNav = [];
  if (q.skip) answerNav.push(action("skip", message("button_skip"), () => after(engine.skip())));
  if (q.dontKnow) answerNav.push(action("dont_know", message("button_dont_know"), () => after(engine.dontKnow())));
  const back = () => after(engine.back());
  body.push(h("div", { class: "row" }, answerNav),
    h("div", { class: "row" }, action("back", message("button_back"), back),
      action("erase", message("button_erase"), () => after(engine.erase()))));
  show(...body);
  telegramButtons(back, next, next ? message(q.kind === "multi" ? "button_done" : "button_continue") : null);
}

function options(q) {
  return h("div", { class: "choices" }, engine.shownOptions(q).map((o) => {
    const picked = q.kind === "multi" ? engine.pending.has(o.id) : (engine.answers.get(q.id) ?? []).includes(o.id);
    return h("button", {
      type: "button", class: "choice", "data-option": o.id, "aria-pressed": picked ? "true" : "false",
      disabled: q.kind === "multi" && o.locked, onclick: () => after(engine.choose(o.id)),
    }, picked && q.kind === "multi" ? `${message("selected_mark")} ${engine.optionLabel(q.id, o.id)}` : engine.optionLabel(q.id, o.id));
  }));
}

function reviewScreen(notice = null) {
  prepared ??= prepare(served.key);
  prepared.catch(() => {});
  const lines = engine.reviewLines();
  const submit = () => send();
  const back = () => after(engine.back());
  show(
    notice ? h("p", { class: "notice", role: "alert" }, notice) : null,
    h("h1", {}, message("review_title")),
    lines.length === 0 ? h("p", {}, message("review_empty")) : h("dl", { class: "review" }, lines.map((l) => [
      h("dt", {}, l.label),
      h("dd", {}, h("span", {}, l.answer), h("button", {
        type: "button", class: "edit", "data-edit": l.id, "aria-label": `${message("button_change")}: ${l.label}`,
        onclick: () => { engine.change(); after(engine.edit(l.id)); },
      }, "✏️"))])),
    action("submit", say("send_sealed"), submit, { class: "primary" }),
    h("div", { class: "row" }, action("back", message("button_back"), back),
      action("erase", message("button_erase"), () => after(engine.erase()))),
    h("p", { class: "key" }, say("sealed_to"), " ", h("span", { class: "fingerprint" }, served.key.fingerprint ?? served.key.id)));
  telegramButtons(back, submit, say("send_sealed"));
}

function eraseScreen() {
  const no = () => after(engine.keepAnswers());
  show(h("h1", {}, message("erase_confirm")),
    action("erase_yes", message("button_erase_yes"), () => after(engine.confirmErase()), { class: "danger" }),
    action("erase_no", message("button_erase_no"), no, { class: "primary" }));
  telegramButtons(no, null);
}

// ---- sending ----

async function send() {
  if (sending || !engine || engine.stage !== "review") return;
  sending = true;
  show(h("p", { class: "lead", role: "status" }, say("sealing")));
  telegramButtons(null, null);
  let sealed;
  try {
    const json = engine.testimonyJson();
    const ready = prepared;
    prepared = null; // used once, whatever happens next
    performance.mark("seal-start"); // for web/form/bench.mjs; no content
    sealed = await sealTestimony(json, served.key, ready);
    performance.mark("seal-end");
    const contactLanguage = !byLink && engine.asksContactInBot() ? engine.language : null;
    const { receipt } = await api("submit", { ...sender(), id: sealed.id, record: sealed.record, contactLanguage });
    received(receipt);
  } catch (e) {
    sending = false;
    const code = e.code ?? "network";
    if (code === "launch_invalid" && byLink) {
      leave(say("link_invalid"));
      return;
    }
    if (code === "launch_invalid" || code === "already_sent") {
      leave(say(`error_${code}`));
      return;
    }
    reviewScreen(say(`error_${code}`, say("error_network")));
  } finally {
    sealed = null;
  }
}

/** The receipt, shown here only; the answers are wiped from memory before it is shown. */
function received(receipt) {
  const thanks = message("submitted", { receipt });
  engine.reset();
  engine = null;
  tg.confirmClosing(false);
  show(h("h1", {}, say("receipt_title")), h("p", { class: "receipt", "data-receipt": true }, receipt),
    h("p", { class: "end" }, thanks), action("close", say("close"), closeForm, { class: "primary" }));
  telegramButtons(null, closeForm, say("close"));
}

/** Telegram closes the Mini App; in a browser the page empties itself and leaves for a blank one. */
function closeForm() {
  if (!byLink) {
    tg.closeApp();
    return;
  }
  root().replaceChildren();
  location.replace("about:blank");
}

// ---- start ----

async function start() {
  tg.listen();
  tg.onEvent("back_button_pressed", () => backAction?.());
  tg.onEvent("main_button_pressed", () => mainAction?.());
  tg.postEvent("web_app_ready");
  tg.postEvent("web_app_expand");
  tg.postEvent("web_app_setup_swipe_behavior", { allow_vertical_swipe: false });
  try {
    await open(null);
  } catch (e) {
    // Before the server answers there are no words in her language: English, as short as can be.
    const refusal = byLink
      ? "This link cannot be used: it was already used, has expired, or was withdrawn. Nothing was sent. Please ask the collective for a new link."
      : "This form has expired. Please open it again from the bot.";
    show(h("p", { class: "notice", role: "alert" }, e.code === "launch_invalid"
      ? refusal : `The form could not load. Please try again ${byLink ? "later" : "from the bot"}.`));
    return;
  }
  languageScreen(null);
}

start();
