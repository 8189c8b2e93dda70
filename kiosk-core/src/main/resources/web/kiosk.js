// Patron screen: polls the kiosk's session and renders it. Shows no name and no card number
// (P-SCREEN-1): the session view carries neither.
"use strict";

const RESULT_TEXT = {
  LENT: ["貸出しました", "Borrowed"],
  REFUSED: ["貸出できません", "Not borrowed"],
  RETURNED: ["返却しました", "Returned"],
  NEEDS_STAFF: ["係員にお渡しください", "Please see staff"],
  WAITING_FOR_PARTS: ["残りの巻をお待ちしています", "Waiting for the other parts"],
};
const BIN_TEXT = {
  SHELF: ["返却棚へ", "Return shelf"],
  HOLD_SHELF: ["予約棚へ", "Hold shelf"],
  OTHER_BRANCH: ["他館行きの箱へ", "Bin for other branches"],
  STAFF: ["カウンターへ", "To the counter"],
};

function bilingual(ja, en) {
  const span = document.createElement("span");
  span.textContent = ja;
  const small = document.createElement("span");
  small.className = "en";
  small.textContent = " / " + en;
  span.appendChild(small);
  return span;
}

function cell(row, className, content) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.appendChild(content);
  row.appendChild(td);
}

function render(view) {
  document.querySelector("#banner .ja").textContent = view.banner.ja;
  document.querySelector("#banner .en").textContent = view.banner.en;
  const checkout = view.mode === "CHECKOUT";
  document.getElementById("mode").textContent = checkout ? "貸出 / Borrow" : "返却 / Return";
  document.getElementById("finish").hidden = !checkout;
  document.getElementById("offline").hidden = !view.offline;
  const notice = document.getElementById("notice");
  notice.hidden = !view.notice;
  if (view.notice) {
    notice.dataset.key = view.notice.key;
    notice.querySelector(".ja").textContent = view.notice.message.ja;
    notice.querySelector(".en").textContent = view.notice.message.en;
  }
  const pin = document.getElementById("pin");
  const pinOpen = !!view.pin && (view.pin.state === "REQUIRED" || view.pin.state === "WRONG");
  pin.hidden = !view.pin || view.pin.state === "VERIFIED";
  document.getElementById("pin-state").textContent = view.pin ? view.pin.state : "";
  document.getElementById("keypad").hidden = !pinOpen;
  if (!pinOpen) pinDigits = "";
  const countdown = document.getElementById("countdown");
  countdown.hidden = view.secondsLeft === null || view.secondsLeft === undefined;
  countdown.textContent = "残り " + view.secondsLeft + " 秒 / " + view.secondsLeft + " s left";
  document.getElementById("extend").hidden = !view.extendable;
  const body = document.querySelector("#items tbody");
  body.replaceChildren();
  for (const item of view.outcomes) {
    const row = document.createElement("tr");
    row.className = item.result;
    row.dataset.itemId = item.itemId;
    row.dataset.reason = item.reasonCode || "";
    cell(row, "title", document.createTextNode(
      item.title + (item.partsLabel ? " (" + item.partsLabel.ja + " / " + item.partsLabel.en + ")" : "")));
    const [ja, en] = RESULT_TEXT[item.result];
    cell(row, "result", bilingual(ja, en));
    const notes = document.createElement("div");
    if (item.dueDate) {
      notes.appendChild(bilingual("返却期限 " + item.dueDate, "Due " + item.dueDate));
      notes.appendChild(document.createElement("br"));
    }
    if (item.bin && BIN_TEXT[item.bin]) {
      notes.appendChild(bilingual(BIN_TEXT[item.bin][0], BIN_TEXT[item.bin][1]));
      notes.appendChild(document.createElement("br"));
    }
    if (item.result !== "LENT" || !item.dueDate) {
      notes.appendChild(bilingual(item.message.ja, item.message.en));
    }
    cell(row, "notes", notes);
    body.appendChild(row);
  }
}

async function poll() {
  try {
    const response = await fetch("/api/session", { cache: "no-store" });
    if (response.ok) render(await response.json());
  } catch (e) {
    // The kiosk service restarts within seconds; keep the last screen meanwhile.
  }
  setTimeout(poll, 400);
}

let pinDigits = "";
function showDigits() {
  document.getElementById("pin-dots").textContent = "●".repeat(pinDigits.length);
}
for (const key of document.querySelectorAll("#keypad [data-digit]")) {
  key.addEventListener("click", () => {
    if (pinDigits.length < 8) pinDigits += key.dataset.digit;
    showDigits();
  });
}
document.getElementById("pin-clear").addEventListener("click", () => {
  pinDigits = "";
  showDigits();
});
document.getElementById("pin-ok").addEventListener("click", () => {
  const digits = pinDigits;
  pinDigits = "";
  showDigits();
  fetch("/api/pin", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ digits }),
  });
});
document.getElementById("extend").addEventListener("click", () => {
  fetch("/api/extend", { method: "POST" });
});
document.getElementById("finish").addEventListener("click", () => {
  fetch("/api/session/finish", { method: "POST" });
});
poll();
