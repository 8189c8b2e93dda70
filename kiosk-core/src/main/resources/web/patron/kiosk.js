// Patron screen. The kiosk pushes its session as server-sent events; the page never polls.
// It shows no name and no card number (P-SCREEN-1): the session view carries neither.
// One language at a time, from the kiosk's language files; rows are updated in place by item.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  languages: [], lang: null, texts: {}, byLang: {}, facts: {}, view: null,
  rows: new Map(), lastMode: "RETURN", summaryOpen: false, summaryTimer: null,
  sessionOpenInSummary: false, endedHere: false, staffOpen: false, staffTimer: null, staffByCard: false,
  lastHeard: 0, outOfService: false, sound: true, audio: null, pinDigits: "", deadlineAt: null,
};

// ---- texts and dates -------------------------------------------------------------------------
function t(key, ...args) {
  let text = state.texts[key] ?? state.byLang[state.languages[0]]?.[key] ?? key;
  args.forEach((a, i) => { text = text.split("{" + i + "}").join(a); });
  return text;
}
function has(key) { return Object.prototype.hasOwnProperty.call(state.texts, key); }

/** 2026年12月15日（火） or Tue 15 Dec 2026, from the language file's date texts. */
function formatDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return t("date.pattern").replace("{y}", y).replace("{m}", m).replace("{d}", d)
    .replace("{w}", t("date.weekdays").split(",")[weekday])
    .replace("{mon}", t("date.months").split(",")[m - 1]);
}

/** Titles come in their own language, whatever the screen's: kana or kanji mean Japanese. */
function titleLang(title) { return /[\u3040-\u30ff\u3400-\u9fff]/.test(title) ? "ja" : "en"; }

async function loadLanguages() {
  const facts = await (await fetch("/api/screen", { cache: "no-store" })).json();
  state.facts = facts;
  state.languages = facts.languages;
  for (const lang of facts.languages) {
    state.byLang[lang] = await (await fetch("/api/texts/" + lang)).json();
  }
  setLanguage(facts.languages[0]);
}

function setLanguage(lang) {
  state.lang = lang;
  state.texts = state.byLang[lang];
  document.documentElement.lang = lang;
  document.title = t("library.name") + " " + t("screen.title");
  document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  const next = state.languages[(state.languages.indexOf(lang) + 1) % state.languages.length];
  const button = $("language");
  button.textContent = state.byLang[next]["language.name"];
  button.lang = next;
  button.dataset.next = next;
  button.hidden = state.languages.length < 2;
  $("hours").textContent = state.facts.hoursToday
    ? t("hours.today", state.facts.hoursToday.replace("-", "–")) : t("hours.closed");
  if (state.view) {
    render(state.view, true);
  }
  if (state.summaryOpen && state.summaryView) fillSummary(state.summaryView);
}

// ---- sounds (Web Audio tones; switchable) -----------------------------------------------------
function tone(freqs, length) {
  if (!state.sound) return;
  try {
    state.audio = state.audio || new AudioContext();
    let at = state.audio.currentTime;
    for (const f of freqs) {
      const osc = state.audio.createOscillator();
      const gain = state.audio.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + length);
      osc.connect(gain).connect(state.audio.destination);
      osc.start(at);
      osc.stop(at + length);
      at += length + 0.03;
    }
  } catch (e) { /* no audio device: the screen still says everything */ }
}
const SOUNDS = {
  LENT: () => tone([880, 1320], 0.12), RETURNED: () => tone([880, 1320], 0.12),
  REFUSED: () => tone([330, 262], 0.25), NEEDS_STAFF: () => tone([660, 660, 660], 0.1),
  RENEWED: () => tone([880, 1320], 0.12), OWN_LOAN: () => tone([660, 880], 0.12),
};

// ---- rendering -------------------------------------------------------------------------------
function resultText(o, mode) {
  if (o.result === "REFUSED" && mode === "RETURN") return t("result.NOT_RETURNED");
  return t("result." + o.result);
}
function messageText(o) {
  // A loan limit names its number in the patron's language; a group the language file has no
  // text of its own for gets the generic limit text.
  if (o.reasonCode && o.limit !== null && o.limit !== undefined && o.reasonCode.startsWith("LIMIT")) {
    const key = has("reason." + o.reasonCode) ? "reason." + o.reasonCode : "reason.LIMIT";
    return t(key).split("{max}").join(String(o.limit));
  }
  if (o.reasonCode && has("reason." + o.reasonCode)) return t("reason." + o.reasonCode);
  if (o.messageKey) return t(o.messageKey);
  return (o.message && (o.message[state.lang] || o.message.en)) || "";
}
function notes(o) {
  switch (o.result) {
    case "LENT": return [o.dueDate ? t("due", formatDate(o.dueDate)) : "", ""];
    case "RETURNED": return [o.bin ? t("bin." + o.bin) : "", ""];
    case "REFUSED": return [messageText(o), t("todo.REFUSED")];
    case "OWN_LOAN":
    case "RENEWED": return [o.dueDate ? t("due", formatDate(o.dueDate)) : "", messageText(o)];
    default: return [messageText(o), ""];
  }
}
function announcement(o) {
  const [note] = notes(o);
  switch (o.result) {
    case "LENT": return t("live.lent", o.title, o.dueDate ? formatDate(o.dueDate) : "");
    case "RETURNED": return t("live.returned", o.title, note);
    case "REFUSED": return t("live.refused", o.title, note);
    case "OWN_LOAN": return t("live.ownLoan", o.title, o.dueDate ? formatDate(o.dueDate) : "");
    case "RENEWED": return t("live.renewed", o.title, o.dueDate ? formatDate(o.dueDate) : "");
    case "CHECKING": return "";
    default: return t("live.staff", o.title, note);
  }
}

function span(className, text, lang) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  if (lang) s.lang = lang;
  return s;
}

function fillRow(row, o, mode) {
  const [note, todo] = notes(o);
  row.className = o.result;
  row.dataset.itemId = o.itemId;
  row.dataset.reason = o.reasonCode || "";
  row.dataset.bin = o.bin || "";
  const text = document.createElement("span");
  text.className = "notes";
  text.append(span("note", note));
  if (todo) { text.append(document.createElement("br"), span("todo", todo)); }
  const title = span("title", o.title, titleLang(o.title));
  if (o.partsLabel) {
    title.append(" ", span("parts", "(" + (o.partsLabel[state.lang] || o.partsLabel.en) + ")"));
  }
  row.replaceChildren(title, span("result", resultText(o, mode)), text);
  if (o.result === "OWN_LOAN" && !state.view?.offline) {
    text.append(document.createElement("br"), renewButton(o.itemId, "renew-row"));
  }
}

function renewButton(itemId, testId) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "renew";
  b.dataset.renew = itemId;
  b.dataset.testid = testId;
  b.textContent = t("action.renew");
  return b;
}

// ---- my loans: asked from central on demand, online only; nothing of it is kept ---------------
function renewalNote(l) {
  switch (l.renewal) {
    case "RENEWING": return t("loans.renewing");
    case "RENEWED": return t("loans.renewed", formatDate(l.dueDate));
    case "REFUSED": return t("loans.refused",
      l.reasonCode && has("reason." + l.reasonCode) ? t("reason." + l.reasonCode) : t("kiosk.renewalRefused"));
    case "FAILED": return t("loans.renewFailed");
    default: return t("due", formatDate(l.dueDate));
  }
}
function myLoans(view) {
  const button = $("my-loans");
  button.hidden = view.mode !== "CHECKOUT" || state.pinOpen;
  button.disabled = !!view.offline;
  button.textContent = t(view.offline ? "action.myLoansOffline" : "action.myLoans");
  const loans = view.myLoans;
  $("loans").hidden = !loans;
  $("loans").dataset.state = loans ? loans.state : "";
  const list = $("loans-list");
  if (!loans) { list.replaceChildren(); return; }
  const stateKey = { LOADING: "loans.loading", OFFLINE: "loans.offline", FAILED: "loans.failed" }[loans.state];
  $("loans-state").textContent = stateKey ? t(stateKey) : (loans.loans.length ? "" : t("loans.none"));
  const lines = loans.state === "SHOWN" ? loans.loans : [];
  const kept = new Map([...list.children].map((li) => [li.dataset.itemId, li]));
  const items = lines.map((l) => {
    const li = kept.get(l.itemId) || document.createElement("li");
    const signature = JSON.stringify(l) + state.lang;
    if (li.shownAs !== signature) {
      const hadFocus = li.contains(document.activeElement);
      li.shownAs = signature;
      li.dataset.itemId = l.itemId;
      li.dataset.renewal = l.renewal;
      li.replaceChildren(span("title", l.title, titleLang(l.title)), span("note", renewalNote(l)));
      if (l.renewal !== "RENEWED" && l.renewal !== "RENEWING") li.append(renewButton(l.itemId, "renew"));
      if (hadFocus) (li.querySelector("button") || $("loans-close")).focus();
    }
    return li;
  });
  list.replaceChildren(...items);
}

function render(view, relabel) {
  state.lastHeard = Date.now();
  if (state.outOfService) leaveOutOfService();
  const mode = view.mode;
  const previous = state.view;
  state.view = view;
  staffCard(previous, view);
  // A session this page ended (finish, receipt, done) is no timeout, however late its push comes.
  if (state.lastMode === "CHECKOUT" && mode === "RETURN" && !state.summaryOpen && previous
      && !state.endedHere) {
    openSummary(previous, false); // the session ended by itself (timeout): show what was lent
  }
  if (mode === "RETURN") state.endedHere = false;
  state.lastMode = mode;
  $("mode").textContent = t("mode." + mode);
  $("offline").hidden = !view.offline;
  $("finish").hidden = mode !== "CHECKOUT" || state.summaryOpen || state.staffOpen;
  state.pinOpen = !!view.pin && view.pin.state !== "VERIFIED";
  $("banner").textContent = view.bannerKey ? t(view.bannerKey)
    : (view.banner[state.lang] || view.banner.en);
  deviceNotice(view.status);
  patronNotice(view);
  pinEntry(view);
  myLoans(view);
  state.deadlineAt = view.mode === "CHECKOUT" && view.secondsLeft !== null && view.secondsLeft !== undefined
    ? Date.now() + view.secondsLeft * 1000 : null;
  tickClock();

  const list = $("items");
  const seen = new Set();
  const spoken = [];
  for (const o of view.outcomes) {
    seen.add(o.itemId);
    const signature = JSON.stringify(o) + mode;
    let row = state.rows.get(o.itemId);
    if (!row) {
      row = document.createElement("li");
      state.rows.set(o.itemId, row);
      list.prepend(row); // newest first: the latest result stays in view however long the list
    }
    if (row.shownAs !== signature || relabel) {
      const isNews = row.shownAs !== signature;
      row.shownAs = signature;
      fillRow(row, o, mode);
      if (isNews && !relabel && o.result !== "CHECKING") {
        spoken.push(announcement(o));
        (SOUNDS[o.result] || (() => {}))();
      }
    }
  }
  for (const [id, row] of state.rows) {
    if (!seen.has(id)) { row.remove(); state.rows.delete(id); }
  }
  if (spoken.length) $("announcer").textContent = spoken.join(state.lang === "ja" ? "　" : " ");
  tally(view);
  const idle = mode === "RETURN" && view.outcomes.length === 0;
  $("welcome").hidden = !idle || state.summaryOpen || state.staffOpen;
  $("session").hidden = idle || state.summaryOpen || state.staffOpen;
}

// ---- lending: patron notice, PIN entry, countdown with extend -----------------------------------
function patronNotice(view) {
  const notice = $("notice");
  notice.hidden = !view.notice;
  notice.dataset.key = view.notice ? view.notice.key : "";
  notice.textContent = !view.notice ? "" : view.notice.messageKey ? t(view.notice.messageKey)
    : (view.notice.message[state.lang] || view.notice.message.en);
}

function pinEntry(view) {
  const open = !!view.pin && (view.pin.state === "REQUIRED" || view.pin.state === "WRONG");
  $("pin").hidden = !view.pin || view.pin.state === "VERIFIED";
  $("keypad").hidden = !open;
  $("pin").dataset.state = view.pin ? view.pin.state : "";
  $("pin-state").textContent = view.pin && view.pin.state === "WRONG"
    ? t("pin.attemptsLeft", view.pin.attemptsLeft) : t("pin.digits", state.pinDigits.length);
  if (!open) state.pinDigits = "";
}
function pinKey(digit) {
  if (state.pinDigits.length < 8) state.pinDigits += digit;
  $("pin-state").textContent = t("pin.digits", state.pinDigits.length);
}
function pinSubmit() {
  const digits = state.pinDigits;
  state.pinDigits = "";
  $("pin-state").textContent = t("pin.digits", 0);
  fetch("/api/pin", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ digits }) });
}

/** The session's end counts down on the page itself: no request while the patron thinks. */
const EXTEND_WINDOW_SECONDS = 15;
function tickClock() {
  const countdown = $("countdown");
  const extend = $("extend");
  const live = state.deadlineAt !== null && !state.summaryOpen && !state.staffOpen && !state.outOfService;
  const left = live ? Math.max(0, Math.ceil((state.deadlineAt - Date.now()) / 1000)) : null;
  const show = live && left <= EXTEND_WINDOW_SECONDS;
  if (show && countdown.hidden) {
    $("announcer").textContent = t("countdown", left);
    SOUNDS.NEEDS_STAFF();
  }
  countdown.hidden = !show;
  extend.hidden = !show;
  if (show) countdown.textContent = t("countdown", left);
}

function tally(view) {
  const count = (r) => view.outcomes.filter((o) => r.includes(o.result)).length;
  $("tally").textContent = view.mode === "CHECKOUT"
    ? t("tally", count(["LENT"]), count(["REFUSED", "NEEDS_STAFF"]))
    : t("tally.returned", count(["RETURNED"]));
}

function deviceNotice(status) {
  const notice = $("device-notice");
  let key = null;
  if (status && !status.readerAnswering) key = "error.reader";
  else if (status && status.unreadableTags > 0) key = "error.retag";
  notice.hidden = key === null;
  notice.dataset.state = key || "";
  notice.textContent = key ? t(key) : "";
  if (key && notice.dataset.sounded !== key) SOUNDS.NEEDS_STAFF();
  notice.dataset.sounded = key || "";
}

// ---- server unreachable: "out of service" within 3 s, the old list gone ------------------------
function enterOutOfService() {
  if (state.outOfService) return;
  state.outOfService = true;
  state.rows.forEach((row) => row.remove());
  state.rows.clear();
  state.view = null;
  closeSummary(false);
  closeStaff();
  ["welcome", "session", "finish", "summary"].forEach((id) => { $(id).hidden = true; });
  $("tally").textContent = "";
  $("banner").textContent = "";
  $("out-of-service").hidden = false;
}
function leaveOutOfService() {
  state.outOfService = false;
  $("out-of-service").hidden = true;
}

function connect() {
  const events = new EventSource("/api/session/events");
  events.addEventListener("session", (e) => render(JSON.parse(e.data), false));
  events.addEventListener("alive", () => { state.lastHeard = Date.now(); });
  events.onerror = () => enterOutOfService(); // EventSource reconnects by itself
  setInterval(() => { if (Date.now() - state.lastHeard > 2500) enterOutOfService(); }, 250);
}

// ---- end of session: summary and receipt --------------------------------------------------------
function fillSummary(view) {
  const lent = view.outcomes.filter((o) => o.result === "LENT");
  const renewed = view.outcomes.filter((o) => o.result === "RENEWED");
  const list = $("summary-items");
  list.replaceChildren(...lent.concat(renewed).map((o) => {
    const li = document.createElement("li");
    li.append(span("title", o.title, titleLang(o.title)), span("result", t("result." + o.result)),
      span("note", o.dueDate ? t("due", formatDate(o.dueDate)) : ""));
    return li;
  }));
  return lent;
}

function openSummary(view, sessionOpen) {
  state.summaryOpen = true;
  state.summaryView = view;
  state.sessionOpenInSummary = sessionOpen;
  const lent = fillSummary(view);
  const canPrint = sessionOpen && lent.length > 0 && view.status && view.status.printer !== "NONE";
  $("print").hidden = !canPrint;
  $("no-receipt").hidden = !canPrint;
  $("receipt-state").textContent = "";
  ["welcome", "session", "finish"].forEach((id) => { $(id).hidden = true; });
  $("summary").hidden = false;
  if (!canPrint) endSession();
  // R-GROUP-2: groups are offered the receipt; everyone else gets none unless they ask (P-NOTICE-1).
  (canPrint ? (view.receiptOffered ? $("print") : $("no-receipt")) : $("done")).focus();
  clearTimeout(state.summaryTimer);
  state.summaryTimer = setTimeout(() => closeSummary(true), 20000);
}

function endSession() {
  if (state.sessionOpenInSummary) {
    state.sessionOpenInSummary = false;
    state.endedHere = true;
    fetch("/api/session/finish", { method: "POST" });
  }
}

function closeSummary(reset) {
  if (!state.summaryOpen) return;
  clearTimeout(state.summaryTimer);
  endSession();
  state.summaryOpen = false;
  state.summaryView = null;
  $("summary").hidden = true;
  $("summary-items").replaceChildren();
  if (reset) resetPreferences();
  if (state.view) render(state.view, true);
}

/** The next patron starts in the default language, default contrast, size and sound. */
function resetPreferences() {
  setContrast(false); setLarge(false); setSound(true);
  if (state.lang !== state.languages[0]) setLanguage(state.languages[0]);
}

async function printReceipt() {
  $("receipt-state").textContent = t("receipt.printing");
  let printer = "FAILED";
  try {
    const response = await fetch("/api/receipt?language=" + state.lang, { method: "POST" });
    printer = (await response.json()).printer;
  } catch (e) { /* shown as failed */ }
  const key = { READY: "receipt.printed", PAPER_OUT: "receipt.paperOut" }[printer] || "receipt.failed";
  $("receipt-state").textContent = t(key);
  $("receipt-state").dataset.printer = printer;
  if (printer !== "READY") SOUNDS.NEEDS_STAFF();
  $("print").hidden = true;
  $("no-receipt").hidden = true;
  endSession();
  $("done").focus();
}

// ---- staff mode: device status only, closes by itself --------------------------------------------
const STAFF_FIELDS = { reader: "staff.reader", broker: "staff.broker", outboxPending: "staff.outbox",
  cacheAgeMinutes: "staff.cacheAge", lastSync: "staff.lastSync", rejections: "staff.rejections",
  printer: "staff.printer" };

function openStaff() {
  if (state.staffByCard) return;
  state.staffOpen = true;
  ["welcome", "session", "finish"].forEach((id) => { $(id).hidden = true; });
  $("staff").hidden = false;
  $("staff-pin-form").hidden = false;
  $("staff-status").replaceChildren();
  $("staff-refused").textContent = "";
  $("staff-pin").value = "";
  $("staff-pin").focus();
  touchStaff();
}
/** A staff card opened the screen (pushed as staffOpen): no PIN; the kiosk closes it too. */
function staffCard(previous, view) {
  const wasOpen = !!(previous && previous.staffOpen);
  if (view.staffOpen && !wasOpen && !state.staffOpen) openStaffByCard();
  else if (!view.staffOpen && wasOpen && state.staffByCard) closeStaff(false);
}
async function openStaffByCard() {
  state.staffOpen = true;
  state.staffByCard = true;
  ["welcome", "session", "finish"].forEach((id) => { $(id).hidden = true; });
  $("staff").hidden = false;
  $("staff-pin-form").hidden = true;
  $("staff-refused").textContent = "";
  $("staff-status").replaceChildren();
  touchStaff();
  const response = await fetch("/api/staff", { cache: "no-store" });
  if (!response.ok || !state.staffByCard) return;
  showStaffStatus(await response.json());
}
function touchStaff() {
  clearTimeout(state.staffTimer);
  state.staffTimer = setTimeout(closeStaff, (state.facts.staffOpenSeconds || 30) * 1000);
  if (state.staffByCard) fetch("/api/staff/touch", { method: "POST" }).catch(() => {});
}
function closeStaff(rerender = true) {
  if (!state.staffOpen) return;
  clearTimeout(state.staffTimer);
  if (state.staffByCard) fetch("/api/staff/close", { method: "POST" }).catch(() => {});
  state.staffByCard = false;
  state.staffOpen = false;
  $("staff").hidden = true;
  $("staff-status").replaceChildren();
  $("staff-pin").value = "";
  if (state.view && rerender) render(state.view, true);
}
async function submitStaffPin(event) {
  event.preventDefault();
  touchStaff();
  const response = await fetch("/api/staff", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ pin: $("staff-pin").value }),
  });
  $("staff-pin").value = "";
  if (!response.ok) { $("staff-refused").textContent = t("staff.refused"); return; }
  showStaffStatus(await response.json());
}
function showStaffStatus(status) {
  const list = $("staff-status");
  list.replaceChildren();
  for (const [field, key] of Object.entries(STAFF_FIELDS)) {
    const dt = document.createElement("dt");
    dt.textContent = t(key);
    const dd = document.createElement("dd");
    dd.textContent = status[field] === null || status[field] === undefined ? "–" : String(status[field]);
    dd.dataset.field = field;
    list.append(dt, dd);
  }
  $("staff-pin-form").hidden = true;
  $("staff-close").focus();
}

// ---- settings ---------------------------------------------------------------------------------
function setContrast(on) { document.body.classList.toggle("contrast", on); $("contrast").setAttribute("aria-pressed", on); }
function setLarge(on) { document.body.classList.toggle("large", on); $("large").setAttribute("aria-pressed", on); }
function setSound(on) { state.sound = on; $("sound").setAttribute("aria-pressed", on); }

$("settings-toggle").addEventListener("click", () => {
  const open = document.body.classList.toggle("settings-open");
  $("settings-toggle").setAttribute("aria-expanded", open);
});
for (const key of document.querySelectorAll("#keypad [data-digit]")) {
  key.addEventListener("click", () => pinKey(key.dataset.digit));
}
$("pin-clear").addEventListener("click", () => { state.pinDigits = ""; $("pin-state").textContent = t("pin.digits", 0); });
$("pin-ok").addEventListener("click", pinSubmit);
document.addEventListener("keydown", (e) => {
  if ($("keypad").hidden || state.staffOpen) return;
  if (/^[0-9]$/.test(e.key)) { pinKey(e.key); e.preventDefault(); }
  else if (e.key === "Enter" && document.activeElement === document.body) pinSubmit();
});
$("extend").addEventListener("click", () => fetch("/api/extend", { method: "POST" }));
$("my-loans").addEventListener("click", () => fetch("/api/loans", { method: "POST" }));
$("loans-close").addEventListener("click", () => { fetch("/api/loans/close", { method: "POST" }); $("my-loans").focus(); });
document.addEventListener("click", (e) => {
  const b = e.target.closest("button[data-renew]");
  if (!b) return;
  fetch("/api/loans/renew", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ itemId: b.dataset.renew }) });
});
setInterval(tickClock, 1000);
$("language").addEventListener("click", () => setLanguage($("language").dataset.next));
$("contrast").addEventListener("click", () => setContrast(!document.body.classList.contains("contrast")));
$("large").addEventListener("click", () => setLarge(!document.body.classList.contains("large")));
$("sound").addEventListener("click", () => setSound(!state.sound));
$("finish").addEventListener("click", () => openSummary(state.view, true));
$("print").addEventListener("click", printReceipt);
$("no-receipt").addEventListener("click", () => {
  $("print").hidden = true; $("no-receipt").hidden = true; endSession(); $("done").focus();
});
$("done").addEventListener("click", () => closeSummary(true));
$("help").addEventListener("click", async () => {
  await fetch("/api/help", { method: "POST" });
  $("help-state").textContent = t("help.sent");
});
$("staff-button").addEventListener("click", openStaff);
$("staff-close").addEventListener("click", () => closeStaff());
$("staff-pin-form").addEventListener("submit", submitStaffPin);
$("staff").addEventListener("keydown", touchStaff);
$("staff").addEventListener("click", touchStaff);

loadLanguages().then(connect, () => { enterOutOfService(); setTimeout(() => location.reload(), 3000); });
document.addEventListener("contextmenu", (e) => e.preventDefault()); // a kiosk has no menus
