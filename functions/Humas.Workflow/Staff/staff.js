// The staff workspace's script. The page holds no data: the key is asked for once, kept in sessionStorage (gone when
// the tab closes) and sent as x-functions-key with every call. Texts and the words for every code come from #staff-data.
const D = JSON.parse(document.getElementById("staff-data").textContent);
const W = D.words, STATUS = D.statuses, LOCALE = D.locale;
// A code the page has no word for is shown as it is, rather than not at all.
const word = (names, code) => (code && names[code]) || code || "";
const $ = s => document.querySelector(s);
const wib = t => t ? new Intl.DateTimeFormat(LOCALE, { timeZone: "Asia/Jakarta", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(t)) + " WIB" : "-";
const esc = s => String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const say = text => { $("#message").textContent = text || ""; };

// ?code= works like an Azure function key link; keep it for this tab and take it out of the address bar.
const given = new URLSearchParams(location.search).get("code");
if (given) { sessionStorage.setItem("humas-key", given); const u = new URL(location.href); u.searchParams.delete("code"); history.replaceState(null, "", u); }

async function api(path, options = {}) {
  const headers = Object.assign({ "x-functions-key": sessionStorage.getItem("humas-key") || "", "Accept": "application/json" }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) { sessionStorage.removeItem("humas-key"); show(); say(W.refused); throw new Error("401"); }
  return response;
}
async function json(path, options) {
  const r = await api(path, options);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { const e = new Error(body.title || W.failed); e.problem = body; e.status = r.status; throw e; }
  return body;
}
function problemText(p) {
  if (!p) return W.failed;
  const fields = Object.entries(p.errors || {}).map(([k, v]) => k + ": " + v.join(" "));
  return [p.title, p.detail, ...fields].filter(Boolean).join(" — ");
}

function show() {
  const has = !!sessionStorage.getItem("humas-key");
  $("#key-card").hidden = has; $("#workspace").hidden = !has;
  if (has) { loadList(true); }
}
$("#key-form").addEventListener("submit", e => {
  e.preventDefault();
  sessionStorage.setItem("humas-key", $("#key").value.trim());
  sessionStorage.setItem("humas-me", $("#me").value.trim());
  $("#key").value = ""; say(""); show();
});
$("#forget").addEventListener("click", () => { sessionStorage.clear(); show(); });
document.querySelectorAll("nav.tabs button[data-tab]").forEach(b => b.addEventListener("click", () => {
  document.querySelectorAll("nav.tabs button[data-tab]").forEach(x => x.setAttribute("aria-selected", x === b));
  for (const t of ["list", "calendar", "people", "working-calendar", "consents"]) $("#tab-" + t).hidden = t !== b.dataset.tab;
  $("#detail").hidden = true;
  if (b.dataset.tab === "calendar") loadCalendar();
  if (b.dataset.tab === "people") loadPeople();
  if (b.dataset.tab === "working-calendar") loadWorkingCalendar();
  if (b.dataset.tab === "consents") loadConsents();
}));

// The list: filters go to the server, sorting happens on the rows loaded.
let rows = [], next = null, sortBy = null, sortDown = false;
function filterQuery() {
  const q = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters"))) if (String(v).trim()) q.set(k, String(v).trim());
  return q;
}
async function loadList(fresh) {
  const q = filterQuery();
  if (!fresh && next) q.set("continuationToken", next);
  try {
    const page = await json("/api/submissions?" + q);
    rows = fresh ? page.items : rows.concat(page.items);
    next = page.continuationToken || null;
    say(""); renderList();
  } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}
function renderList() {
  const sorted = sortBy ? [...rows].sort((a, b) => String(a[sortBy] ?? "").localeCompare(String(b[sortBy] ?? "")) * (sortDown ? -1 : 1)) : rows;
  $("#list tbody").innerHTML = sorted.map(r => `<tr class="item" data-id="${esc(r.id)}" tabindex="0">
    <td><a href="#${esc(r.id)}">${esc(r.title)}</a></td><td><span class="status" data-status="${esc(r.status)}">${esc(STATUS[r.status] || r.status)}</span></td>
    <td>${esc(r.waitingFor)}</td><td>${esc(word(D.teams, r.team))}</td><td>${esc(word(D.contentTypes, r.contentType))}</td><td>${esc(wib(r.createdAt))}</td><td>${esc(r.deadline ? wib(r.deadline) : "")}</td></tr>`).join("");
  $("#list-count").textContent = rows.length + " " + W.items;
  $("#more").hidden = !next;
}
$("#filters").addEventListener("submit", e => { e.preventDefault(); loadList(true); });
$("#more").addEventListener("click", () => loadList(false));
document.querySelectorAll("th button[data-sort]").forEach(b => b.addEventListener("click", () => {
  sortDown = sortBy === b.dataset.sort ? !sortDown : false; sortBy = b.dataset.sort; renderList();
}));
$("#list tbody").addEventListener("click", e => { const tr = e.target.closest("tr.item"); if (tr) { e.preventDefault(); openDetail(tr.dataset.id); } });
$("#list tbody").addEventListener("keydown", e => { const tr = e.target.closest("tr.item"); if (tr && e.key === "Enter") openDetail(tr.dataset.id); });

async function download(format) {
  try {
    const r = await api(`/api/exports/submissions/${format}?` + filterQuery());
    if (!r.ok) { say(problemText(await r.json().catch(() => null))); return; }
    const name = (r.headers.get("content-disposition") || "").match(/filename=([^;]+)/)?.[1]?.replace(/"/g, "") || "pengajuan." + format;
    const a = document.createElement("a"); a.href = URL.createObjectURL(await r.blob()); a.download = name; a.click();
  } catch (e) { if (e.message !== "401") say(W.failed); }
}
$("#export-csv").addEventListener("click", () => download("csv"));
$("#export-xlsx").addEventListener("click", () => download("xlsx"));

async function openDetail(id) {
  try {
    const s = await json("/api/submissions/" + encodeURIComponent(id));
    const c = s.content;
    const history = s.history.map(h => `<li><strong>${esc(wib(h.at))}</strong> · ${esc(word(D.events, h.event))}${h.actor ? " · " + esc(h.actor) : ""}${h.onBehalfOf ? " a.n. " + esc(h.onBehalfOf) : ""}${h.comment ? "<br><em>" + esc(h.comment) + "</em>" : ""}</li>`).join("");
    const media = s.media.map(m => `<li><a href="${esc(m.readUrl)}" target="_blank" rel="noopener">${esc(m.name)}</a> (${esc(m.contentType)}, ${m.size} B)</li>`).join("") || `<li>${W.none}</li>`;
    const pubs = (s.publications || []).map(p => `<li>${esc(word(D.channels, p.channel))}: ${esc(word(D.publications, p.status))}${p.url ? ` · <a href="${esc(p.url)}">${esc(p.url)}</a>` : ""} · ${esc(wib(p.at))}</li>`).join("") || `<li>${W.none}</li>`;
    const waiting = s.waitingFor && s.waitingFor.length
      ? `<p id="outstanding">${esc(word(D.stages, s.waitingStage))} · ${esc(s.waitingFor.join(", "))} · ${W.until} ${esc(wib(s.deadline))}</p>`
      : `<p id="outstanding">${W.noLinks}</p>`;
    $("#detail").innerHTML = `<h2 id="detail-title">${esc(c.title)}</h2>
      <p><span class="status" data-status="${esc(s.status)}">${esc(STATUS[s.status] || s.status)}</span> · <code>${esc(s.id)}</code> · ${esc(word(D.contentTypes, c.contentType))} · ${esc(word(D.tracks, c.track))} · ${esc(c.submitterName || "")} &lt;${esc(c.submitterEmail)}&gt;</p>
      ${c.summary ? `<p>${esc(c.summary)}</p>` : ""}
      <h3>${W.links}</h3>${waiting}
      <button type="button" class="reject" id="revoke">${W.revoke}</button> <span id="revoke-result" role="status"></span>
      <h3>${W.history}</h3><ol id="history">${history}</ol>
      <h3>${W.media}</h3><ul>${media}</ul>
      <h3>${W.publications}</h3><ul>${pubs}</ul>
      ${takedownPart(s)}
      <button type="button" id="close-detail">${W.close}</button>`;
    $("#detail").hidden = false;
    $("#detail").scrollIntoView();
    $("#close-detail").addEventListener("click", () => { $("#detail").hidden = true; });
    $("#revoke").addEventListener("click", async () => {
      try { const r = await json(`/api/submissions/${encodeURIComponent(id)}/revoke-links`, { method: "POST" }); $("#revoke-result").textContent = W.revoked + " " + wib(r.revokedAt); }
      catch (e) { if (e.message !== "401") $("#revoke-result").textContent = problemText(e.problem); }
    });
    $("#takedown-form")?.addEventListener("submit", async e => {
      e.preventDefault();
      const body = new URLSearchParams({ reason: $("#takedown-reason").value });
      try { await json(`/api/submissions/${encodeURIComponent(id)}/takedown`, { method: "POST", body }); $("#takedown-result").textContent = W.takenDown; }
      catch (err) { if (err.message !== "401") $("#takedown-result").textContent = problemText(err.problem); }
    });
  } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}

// A published item can be taken down with a reason; what each channel's takedown did is listed once it ran.
function takedownPart(s) {
  const done = (s.takedowns || []).map(t => `<li>${esc(word(D.channels, t.channel))}: ${esc(word(D.takedownOutcomes, t.outcome))} · ${esc(wib(t.at))}</li>`).join("");
  const list = done ? `<h3>${W.takedowns}</h3><ul id="takedowns">${done}</ul>` : "";
  if (s.status !== "Published") return list;
  return list + `<form id="takedown-form"><label for="takedown-reason">${W.takedownReason}</label>
    <textarea id="takedown-reason" name="reason" rows="2" maxlength="2000" required></textarea>
    <button type="submit" class="reject" id="takedown">${W.takedown}</button> <span id="takedown-result" role="status"></span></form>`;
}

// The consent register: register with the signed document, list with each consent's state today, withdraw with a reason.
async function loadConsents() {
  try {
    const r = await json("/api/consents");
    $("#consents tbody").innerHTML = r.items.map(c => `<tr data-id="${esc(c.id)}"><td><code>${esc(c.id)}</code></td><td>${esc(c.person)}</td>
      <td>${esc(c.guardian)}</td><td>${esc(c.schoolOrEvent)}</td><td>${esc(c.signedOn)} – ${esc(c.validUntil)}</td>
      <td><span class="status" data-state="${esc(c.state)}">${esc(word(D.consentStates, c.state))}</span>${c.withdrawalReason ? "<br><em>" + esc(c.withdrawalReason) + "</em>" : ""}</td>
      <td>${c.document ? `<a href="${esc(c.document.readUrl)}" target="_blank" rel="noopener noreferrer">${W.open}</a>` : W.none}</td>
      <td>${c.state === "Withdrawn" ? "" : `<label class="hint" for="withdraw-${esc(c.id)}">${W.withdrawReason}</label>
        <input id="withdraw-${esc(c.id)}" class="withdraw-reason" maxlength="2000"> <button type="button" class="reject withdraw">${W.withdraw}</button>`}</td></tr>`).join("");
  } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}
$("#consents").addEventListener("click", async e => {
  const b = e.target.closest("button.withdraw");
  if (!b) return;
  const tr = b.closest("tr");
  try {
    await json(`/api/consents/${encodeURIComponent(tr.dataset.id)}/withdraw`, { method: "POST", body: new URLSearchParams({ reason: tr.querySelector(".withdraw-reason").value }) });
    say(""); $("#message").textContent = W.withdrawn; loadConsents();
  } catch (err) { if (err.message !== "401") say(problemText(err.problem)); }
});
$("#consent-form").addEventListener("submit", async e => {
  e.preventDefault();
  const form = $("#consent-form");
  form.querySelectorAll(".field-error").forEach(x => x.textContent = "");
  const body = new FormData(form);
  if (!$("#consent-document").files.length) body.delete("document");
  try {
    const c = await json("/api/consents", { method: "POST", body });
    form.reset(); say(""); $("#message").textContent = W.registered + " " + c.id; loadConsents();
  } catch (err) {
    if (err.message === "401") return;
    for (const [field, messages] of Object.entries(err.problem?.errors || {})) {
      const slot = form.querySelector(`.field-error[data-for="${CSS.escape(field)}"]`);
      if (slot) slot.textContent = messages.join(" "); else say(field + ": " + messages.join(" "));
    }
    if (!err.problem?.errors) say(problemText(err.problem));
  }
});

// The calendar: a month grid, Monday first, by WIB day.
const thisMonth = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
$("#cal-month").value = thisMonth();
$("#cal-month").addEventListener("change", () => loadCalendar());
async function loadCalendar() {
  const month = $("#cal-month").value || thisMonth();
  try {
    const cal = await json("/api/calendar/" + month);
    const byDay = Object.fromEntries(cal.days.map(d => [d.date, d.items]));
    const [y, m] = month.split("-").map(Number);
    const first = new Date(Date.UTC(y, m - 1, 1)), days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const pad = (first.getUTCDay() + 6) % 7;
    let html = W.days.split(",").map(d => `<div class="head">${d}</div>`).join("") + "<div></div>".repeat(pad);
    for (let d = 1; d <= days; d++) {
      const key = `${month}-${String(d).padStart(2, "0")}`;
      const items = (byDay[key] || []).map(i => `<a href="#${esc(i.id)}" class="${esc(i.kind)}" data-id="${esc(i.id)}">${esc(new Intl.DateTimeFormat(LOCALE, { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" }).format(new Date(i.at)))} ${esc(i.title)}</a>`).join("<br>");
      html += `<div data-date="${key}"><strong>${d}</strong><br>${items}</div>`;
    }
    $("#calendar").innerHTML = html;
  } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}
$("#calendar").addEventListener("click", e => { const a = e.target.closest("a[data-id]"); if (a) { e.preventDefault(); openDetail(a.dataset.id); } });

// People: the whole settings are edited and sent back with the version they were based on.
let people = null;
const list = s => s.split(",").map(x => x.trim()).filter(Boolean);
function personRow(p, i, existing) {
  const keys = people.people.map(x => x.key);
  const backup = `<select name="backup" aria-label="backup"><option value="">-</option>${keys.map(k => `<option ${k === p.backup ? "selected" : ""}>${esc(k)}</option>`).join("")}</select>`;
  return `<tr data-index="${i}"><td><input name="key" aria-label="key" value="${esc(p.key)}" ${existing ? "readonly" : ""}></td>
    <td><input name="name" aria-label="name" value="${esc(p.name)}"></td><td><input name="title" aria-label="title" value="${esc(p.title)}"></td>
    <td><input name="email" type="email" aria-label="email" data-key="${esc(p.key)}" value="${esc(p.email)}"><div class="field-error" data-for="people[${i}].email"></div></td>
    <td>${backup}<div class="field-error" data-for="people[${i}].backup"></div><div class="field-error" data-for="people[${i}].key"></div><div class="field-error" data-for="people[${i}].name"></div></td></tr>`;
}
function renderPeople() {
  $("#people tbody").innerHTML = people.people.map((p, i) => personRow(p, i, true)).join("");
  $("#p-reviewers").value = people.reviewers.join(", ");
  $("#p-summary").value = people.summaryRecipients.join(", ");
  $("#p-approvers").innerHTML = people.tracks.map(t => `<label for="p-approvers-${esc(t.id)}">${W.approvers}: ${esc(t.name)}</label>
    <input id="p-approvers-${esc(t.id)}" data-track="${esc(t.id)}" value="${esc((people.approvers[t.id] || []).join(", "))}"><div class="field-error" data-for="approvers.${esc(t.id)}"></div>`).join("");
  $("#people-log").innerHTML = people.changes.map(c => `<li><strong>${esc(wib(c.at))}</strong> · ${esc(c.by)} · v${c.version}<br>${c.changes.map(esc).join("<br>")}</li>`).join("");
}
async function loadPeople() {
  try { people = await json("/api/people"); renderPeople(); } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}
$("#add-person").addEventListener("click", () => {
  const tr = document.createElement("tbody");
  tr.innerHTML = personRow({ key: "", name: "", title: "", email: "" }, $("#people tbody").rows.length, false);
  $("#people tbody").appendChild(tr.firstElementChild);
});
$("#people-form").addEventListener("submit", async e => {
  e.preventDefault();
  document.querySelectorAll(".field-error").forEach(x => x.textContent = "");
  const body = {
    version: people.version, changedBy: sessionStorage.getItem("humas-me") || "",
    people: [...$("#people tbody").rows].map(tr => Object.fromEntries(["key", "name", "title", "email", "backup"].map(n => [n, tr.querySelector(`[name=${n}]`).value.trim() || null]))),
    reviewers: list($("#p-reviewers").value),
    approvers: Object.fromEntries([...document.querySelectorAll("#p-approvers input")].map(i => [i.dataset.track, list(i.value)])),
    summaryRecipients: list($("#p-summary").value),
  };
  try {
    people = await json("/api/people", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderPeople(); say(""); $("#message").textContent = W.saved + " " + people.version;
  } catch (err) {
    if (err.message === "401") return;
    for (const [field, messages] of Object.entries(err.problem?.errors || {})) {
      const slot = document.querySelector(`.field-error[data-for="${CSS.escape(field)}"]`);
      if (slot) slot.textContent = messages.join(" "); else say(field + ": " + messages.join(" "));
    }
    if (!err.problem?.errors) say(problemText(err.problem));
  }
});
// Working calendar: the closed days are edited whole and sent back with the version they were based on.
let workingCalendar = null;
const DAY_NAMES = W.weekdays.split(",");
const DAY_INDEX = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 };
function holidayRow(h, i) {
  return `<tr><td><input name="date" type="date" aria-label="date" value="${esc(h.date)}"><div class="field-error" data-for="holidays[${i}].date"></div></td>
    <td><input name="name" aria-label="name" value="${esc(h.name)}"><div class="field-error" data-for="holidays[${i}].name"></div></td>
    <td><button type="button" class="remove-holiday">${esc(W.remove)}</button><div class="field-error" data-for="holidays[${i}]"></div></td></tr>`;
}
function renderWorkingCalendar() {
  $("#wc-hours").textContent = W.officeHours + ": " + workingCalendar.hours
    .map(h => h.days.map(d => DAY_NAMES[DAY_INDEX[d]] || d).join(", ") + " " + h.opens + "–" + h.closes).join(" · ");
  $("#holidays tbody").innerHTML = workingCalendar.holidays.map(holidayRow).join("");
  $("#holidays-log").innerHTML = workingCalendar.changes.map(c => `<li><strong>${esc(wib(c.at))}</strong> · ${esc(c.by)} · v${c.version}<br>${c.changes.map(esc).join("<br>")}</li>`).join("");
}
async function loadWorkingCalendar() {
  try { workingCalendar = await json("/api/working-calendar"); renderWorkingCalendar(); } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
}
$("#add-holiday").addEventListener("click", () => {
  const body = document.createElement("tbody");
  body.innerHTML = holidayRow({ date: "", name: "" }, $("#holidays tbody").rows.length);
  $("#holidays tbody").appendChild(body.firstElementChild);
});
$("#holidays").addEventListener("click", e => { const b = e.target.closest("button.remove-holiday"); if (b) b.closest("tr").remove(); });
$("#wc-form").addEventListener("submit", async e => {
  e.preventDefault();
  $("#wc-form").querySelectorAll(".field-error").forEach(x => x.textContent = "");
  const body = {
    version: workingCalendar.version, changedBy: sessionStorage.getItem("humas-me") || "",
    holidays: [...$("#holidays tbody").rows].map(tr => ({ date: tr.querySelector("[name=date]").value, name: tr.querySelector("[name=name]").value.trim() })),
  };
  try {
    workingCalendar = await json("/api/working-calendar", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderWorkingCalendar(); say(""); $("#message").textContent = W.saved + " " + workingCalendar.version;
  } catch (err) {
    if (err.message === "401") return;
    for (const [field, messages] of Object.entries(err.problem?.errors || {})) {
      const slot = $("#wc-form").querySelector(`.field-error[data-for="${CSS.escape(field)}"]`);
      if (slot) slot.textContent = messages.join(" "); else say(field + ": " + messages.join(" "));
    }
    if (!err.problem?.errors) say(problemText(err.problem));
  }
});
show();
