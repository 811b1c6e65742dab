// The moderators' review page. Everything it shows comes from /review/api over HTTPS; it keeps
// nothing anywhere but in this page's memory (no storage API, no cookie, no other host), hides
// the testimony when the app goes to the background, and closes itself after 10 minutes idle.
import { launchData, postEvent, requestId, maskedParts } from './launch.mjs';

const IDLE_MS = 10 * 60 * 1000;
const REASONS = ['duplicate', 'not_a_raid', 'too_little', 'not_credible', 'unsafe'];
const app = document.getElementById('app');
const initData = launchData(location.hash);
let words = {};
let language = null;
let current = null; // the testimony on screen, or null
const skipped = [];
let idleTimer = null;
let closed = false;

function w(key, params = {}) {
  let s = words[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else if (k === 'onclick') e.addEventListener('click', v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function show(...nodes) {
  app.replaceChildren(...nodes);
}

function notice(text, error = false) {
  return el('p', { class: error ? 'notice error' : 'notice', 'data-notice': '' }, text);
}

async function api(call, fields = {}) {
  let response;
  try {
    response = await fetch(`api/${call}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ initData, requestId: requestId(), language, ...fields }),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return { status: 0, json: { error: 'network', message: w('error_network') } };
  }
  let json = {};
  try {
    json = await response.json();
  } catch {
    json = { error: 'network', message: w('error_network') };
  }
  return { status: response.status, json };
}

function button(label, action, id, extra = {}, cls = null) {
  return el('button', { type: 'button', 'data-action': action, 'data-id': id ?? null, class: cls, ...extra }, label);
}

// --- screens ------------------------------------------------------------------------------

async function queue(message = null) {
  current = null;
  const { status, json } = await api('queue');
  if (status !== 200) return show(el('h1', {}, w('title')), notice(json.message || w('error_network'), true));
  const counts = el('ul', { class: 'counts', 'data-queue': '' },
    el('li', { class: json.urgent > 0 ? 'urgent' : null }, `${w('queue_urgent')}: ${json.urgent}`),
    el('li', {}, `${w('queue_pending')}: ${json.pending}`),
    json.overdue > 0 ? el('li', {}, `${w('queue_overdue', { days: json.overdueDays })}: ${json.overdue}`) : null,
    el('li', {}, `${w('queue_approved')}: ${json.approved}`),
    el('li', {}, `${w('queue_rejected')}: ${json.rejected}`),
    el('li', {}, `${w('queue_withdrawn')}: ${json.withdrawn}`));
  const waiting = el('ol', {}, json.waiting.map((t) => el('li', { 'data-waiting': t.id },
    t.urgent ? el('span', { class: 'urgent' }, `${w('urgent_mark')} `) : null,
    `${t.shortId} · ${w('waiting_days', { days: t.waitingDays })}`)));
  show(el('h1', {}, w('title')), message ? notice(message) : null, counts,
    json.leftOut.length ? notice(`${w('queue_left_out')}: ${json.leftOut.join(', ')}`, true) : null,
    waiting,
    el('div', { class: 'actions' }, button(w('next'), 'next', null, {}, 'primary')),
    json.keyFingerprint ? el('p', { class: 'small' }, w('queue_key', { key: json.keyFingerprint })) : null);
}

async function open(id = null, message = null, error = false) {
  const { status, json } = await api('open', id ? { id } : { skip: skipped });
  if (status !== 200) return show(notice(json.message || w('error_network'), true));
  if (!json.testimony) {
    current = null;
    return show(message ? notice(message, error) : null, notice(w('empty')),
      el('div', { class: 'actions' }, button(w('back'), 'queue', null)));
  }
  current = json.testimony;
  testimony(message, error);
}

function answerText(a) {
  if (a === '_skip') return w('skipped_answer');
  if (a === '_dont_know') return w('dont_know_answer');
  return a;
}

function testimony(message = null, error = false, below = null) {
  const t = current;
  const head = el('h1', { 'data-testimony': t.id },
    `${w('testimony')} ${t.shortId} · ${t.submitted} · ${w('waiting_days', { days: t.waitingDays })}`,
    t.urgent ? el('span', { class: 'urgent' }, ` · ${w('urgent_mark')}`) : null,
    t.event ? ` · ${w('event')} ${t.event}` : null);
  const items = t.items.map((item) => el('div', { class: 'item', 'data-question': item.question },
    el('div', { class: 'label' }, item.label),
    item.answers.length ? el('div', {}, item.answers.map(answerText).join('; ')) : null,
    item.text !== null ? el('div', { class: 'text' }, maskedParts(item.text).map((p) => (p.masked
      ? el('mark', { class: 'masked', 'data-masked': '' }, p.text) : p.text))) : null));
  const id = t.id;
  const actions = el('div', { class: 'actions' },
    button(w('approve'), 'approve', id, {}, 'primary'),
    button(w('reject'), 'reject', id, {}, 'danger'),
    button(w('urgent'), 'urgent', id),
    button(w('redact'), 'redact', id),
    button(w('link'), 'link', id),
    t.canContact ? button(w('contact'), 'contact', id) : null,
    t.canContact ? button(w('close'), 'close', id) : null,
    button(w('skip'), 'skip', id));
  show(message ? notice(message, error) : null, head, el('p', { class: 'small' }, `${w('given_in')}: ${t.givenIn}`),
    ...items, el('p', { class: 'small' }, w('mask_note')),
    t.canContact ? el('p', { class: 'small' }, w('contact_note')) : null, actions, below);
}

async function decided(id, fields, nextAfter = false) {
  const { status, json } = await api('decide', { id, ...fields });
  const message = json.message || w('error_network');
  if (json.error) {
    // Refused as a whole (launch too old, role revoked, locked): the testimony leaves the screen.
    current = null;
    return show(notice(message, true));
  }
  if (nextAfter && status === 200) return open(null, message);
  return open(id, message, status !== 200);
}

function sub(title, ...children) {
  testimony(null, false, el('section', { 'data-sub': '' }, el('h2', {}, title), ...children));
}

const actions = {
  queue: () => queue(),
  next: () => open(),
  approve: (id) => decided(id, { action: 'approve' }, true),
  urgent: (id) => decided(id, { action: 'urgent' }),
  skip: (id) => { skipped.push(id); return open(); },
  reject: (id, b) => (b.dataset.reason ? decided(id, { action: 'reject', reason: b.dataset.reason }, true)
    : sub(w('reject_why'), el('div', { class: 'actions' },
      REASONS.map((r) => button(w(`reason_${r}`), 'reject', id, { 'data-reason': r }, 'danger')),
      button(w('back'), 'back', id)))),
  redact: (id, b) => {
    if (b.dataset.question) {
      const area = app.querySelector(`textarea[data-redaction="${b.dataset.question}"]`);
      return decided(id, { action: 'redact', question: b.dataset.question, text: area ? area.value : '' });
    }
    const texts = current.items.filter((i) => i.text !== null);
    if (!texts.length) return testimony(w('redact_none'), true);
    return sub(w('redact_which'), el('p', { class: 'small' }, w('redact_help')), texts.map((i) => el('div', { class: 'item' },
      el('div', { class: 'label' }, i.label),
      el('textarea', { 'data-redaction': i.question, maxlength: String([...i.text].length) }, i.text),
      el('div', { class: 'actions' }, button(w('redact'), 'redact', id, { 'data-question': i.question })))),
    button(w('back'), 'back', id));
  },
  link: async (id, b) => {
    if (b.dataset.event) return decided(id, { action: 'link', event: b.dataset.event });
    const { status, json } = await api('events');
    if (status !== 200) {
      current = null;
      return show(notice(json.message || w('error_network'), true));
    }
    return sub(w('link_which'), el('div', { class: 'actions' },
      json.events.map((e) => button(`${w('raid')} ${e.shortId} · ${e.created} · ${e.testimonies}`, 'link', id,
        { 'data-event': e.id })),
      button(w('link_new'), 'link', id, { 'data-event': 'new' }), button(w('back'), 'back', id)));
  },
  contact: (id, b) => {
    if (b.dataset.send) {
      const area = app.querySelector('textarea[data-contact]');
      return decided(id, { action: 'contact', message: area ? area.value : '' });
    }
    return sub(w('contact'), el('p', { class: 'small' }, w('contact_help')),
      el('textarea', { 'data-contact': '', maxlength: '3000' }),
      el('div', { class: 'actions' }, button(w('send'), 'contact', id, { 'data-send': 'yes' }, 'primary'),
        button(w('back'), 'back', id)));
  },
  close: (id, b) => (b.dataset.confirm ? decided(id, { action: 'close' })
    : sub(w('close'), el('p', {}, w('close_confirm')), el('div', { class: 'actions' },
      button(w('close_yes'), 'close', id, { 'data-confirm': 'yes' }, 'danger'), button(w('back'), 'back', id)))),
  back: () => testimony(),
};

app.addEventListener('click', (event) => {
  const b = event.target.closest('button[data-action]');
  if (!b || closed) return;
  const action = actions[b.dataset.action];
  if (action) action(b.dataset.id, b);
});

// --- no trace -----------------------------------------------------------------------------

function wipe(text) {
  current = null;
  show(notice(text));
}

document.addEventListener('visibilitychange', () => {
  if (closed) return;
  if (document.visibilityState === 'hidden') {
    const id = current && current.id;
    wipe(w('hidden'));
    if (id) app.append(el('div', { class: 'actions' }, button(w('testimony'), 'reopen', id)));
  }
});
actions.reopen = (id) => open(id);

function touched() {
  if (closed) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    closed = true;
    wipe(w('idle_closed'));
    postEvent('web_app_close');
  }, IDLE_MS);
}
for (const type of ['pointerdown', 'keydown', 'input', 'scroll']) document.addEventListener(type, touched, true);

async function start() {
  touched();
  postEvent('web_app_ready');
  if (!initData) return show(notice('Open the review from the bot in Telegram.', true));
  const { status, json } = await api('words');
  if (status !== 200) return show(notice(json.message || 'The review did not open.', true));
  words = json.words;
  language = json.language;
  document.documentElement.lang = language;
  document.title = w('title');
  return queue();
}

start();
