// Patron screen: polls the kiosk's session and renders it. Shows no name and no card number
// (P-SCREEN-1): the session view carries neither.
"use strict";

const RESULT_TEXT = {
  LENT: ["貸出しました", "Borrowed"],
  REFUSED: ["貸出できません", "Not borrowed"],
  RETURNED: ["返却しました", "Returned"],
  NEEDS_STAFF: ["係員にお渡しください", "Please see staff"],
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
  const body = document.querySelector("#items tbody");
  body.replaceChildren();
  for (const item of view.outcomes) {
    const row = document.createElement("tr");
    row.className = item.result;
    row.dataset.itemId = item.itemId;
    row.dataset.reason = item.reasonCode || "";
    cell(row, "title", document.createTextNode(item.title));
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

document.getElementById("finish").addEventListener("click", () => {
  fetch("/api/session/finish", { method: "POST" });
});
poll();
