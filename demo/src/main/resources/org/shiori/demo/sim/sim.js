// Demo simulator: drives the kiosk through its /sim/api, as a person at the kiosk would.
"use strict";

const pad = new Set();
let catalog = [];

async function api(method, path, body) {
  const response = await fetch("/sim/api/" + path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(method + " " + path + ": " + response.status);
  return response.status === 204 ? null : response.json();
}

function row(cells, className) {
  const tr = document.createElement("tr");
  if (className) tr.className = className;
  for (const c of cells) {
    const td = document.createElement("td");
    if (c instanceof Node) td.appendChild(c); else td.textContent = c;
    tr.appendChild(td);
  }
  return tr;
}

async function scan(barcode) {
  await api("POST", "card", { barcode });
}

async function sendPad() {
  await api("PUT", "pad", { tags: [...pad] });
  renderCatalog();
}

async function loadPatrons() {
  const body = document.querySelector("#patrons tbody");
  for (const p of await api("GET", "patrons")) {
    const button = document.createElement("button");
    button.textContent = "Scan";
    button.dataset.barcode = p.barcode;
    button.addEventListener("click", () => scan(p.barcode));
    body.appendChild(row([p.barcode, p.situation + (p.note ? " — " + p.note : ""), button]));
  }
}

function renderCatalog() {
  const filter = document.getElementById("filter").value.toLowerCase();
  const body = document.querySelector("#catalog tbody");
  body.replaceChildren();
  for (const tag of catalog) {
    const text = (tag.title + " " + tag.material + " " + tag.itemId).toLowerCase();
    if (filter && !text.includes(filter) && !pad.has(tag.uid)) continue;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = pad.has(tag.uid);
    box.dataset.uid = tag.uid;
    box.addEventListener("change", () => {
      if (box.checked) pad.add(tag.uid); else pad.delete(tag.uid);
      sendPad();
    });
    body.appendChild(row([box, tag.uid, tag.itemId, tag.part + "/" + tag.parts, tag.material,
      tag.title, tag.security], pad.has(tag.uid) ? "on-pad" : ""));
  }
  document.getElementById("pad-summary").textContent =
    pad.size === 0 ? "The pad is empty." : pad.size + " tag(s) on the pad.";
}

async function refresh() {
  try {
    catalog = await api("GET", "catalog");
    if (!document.activeElement || document.activeElement.type !== "checkbox") renderCatalog();
    const body = document.querySelector("#central tbody");
    body.replaceChildren();
    for (const tx of await api("GET", "central")) {
      body.appendChild(row([tx.sequence, tx.type, tx.itemId, tx.dueDate || "", tx.deviceId]));
    }
  } catch (e) {
    // The demo may be restarting; try again shortly.
  }
  setTimeout(refresh, 1500);
}

document.getElementById("filter").addEventListener("input", renderCatalog);
document.getElementById("clear-pad").addEventListener("click", () => { pad.clear(); sendPad(); });
document.getElementById("manual-card").addEventListener("submit", (e) => {
  e.preventDefault();
  scan(new FormData(e.target).get("barcode"));
});
loadPatrons();
refresh();
