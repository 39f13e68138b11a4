using Humas.Workflow.Vocabulary;
using System.Text.Json;
using Humas.Workflow.Http;
using Humas.Workflow.Pages;
using Humas.Workflow.Profiles;
using Humas.Workflow.Submissions;
using Microsoft.AspNetCore.Http;
using static Humas.Workflow.Pages.Html;

namespace Humas.Workflow.Staff;

/// <summary>
/// GET /staff: the staff workspace (list, detail, calendar, people). The page holds no data: it asks for the staff key
/// once, keeps it in sessionStorage (gone when the tab closes) and sends it as <c>x-functions-key</c> with every call;
/// <c>/staff?code=KEY</c> fills it in, as an Azure function key link would, and the key is taken out of the address bar.
/// </summary>
public sealed class StaffPage(UnitProfile unit)
{
    public IResult Show(HttpContext http)
    {
        var lang = Language.Of(http.Request);
        string Options(IEnumerable<(string Value, string Text)> items) =>
            $"<option value=\"\">{E(lang.T("(semua)", "(all)"))}</option>" + string.Concat(items.Select(i => $"<option value=\"{E(i.Value)}\">{E(i.Text)}</option>"));
        var statuses = Options(Enum.GetValues<SubmissionStatus>().Select(s => (s.ToString(), Terms.Status(s).In(lang))));
        var stages = Options(Enum.GetValues<Stage>().Select(s => (s.ToString(), s switch
        {
            Stage.Review => lang.T("Peninjauan", "Review"), Stage.Approval => lang.T("Persetujuan", "Approval"), _ => lang.T("Revisi", "Revision"),
        })));
        var teams = Options(unit.Teams.Select(t => (t.Id, t.Name)));
        var regions = Options(unit.Regions.Select(r => (r.Code, r.Name)));
        var types = Options(ContentTypes.All.Select(t => (t, t)));
        var tracks = Options(unit.Tracks.Select(t => (t.Id, t.Name)));
        var words = JsonSerializer.Serialize(Words(lang));
        var statusNames = JsonSerializer.Serialize(Enum.GetValues<SubmissionStatus>().ToDictionary(s => s.ToString(), s => Terms.Status(s).In(lang)));
        var eventNames = JsonSerializer.Serialize(Enum.GetValues<HistoryEvent>().ToDictionary(e => e.ToString(), e => Terms.History(e).In(lang)));
        var body = $$"""
            <style>
            main { max-width: 90rem; }
            nav.tabs button { background: #e7eef7; color: var(--ink); } nav.tabs button[aria-selected=true] { background: var(--accent); color: #fff; }
            .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .2rem .8rem; }
            .filters label { margin-top: .3rem; font-size: .9rem; }
            th button { background: none; color: var(--ink); padding: 0; margin: 0; font-weight: 700; }
            tr.item { cursor: pointer; } tr.item:hover { background: #eef4fb; }
            .cal { display: grid; grid-template-columns: repeat(7, 1fr); gap: 2px; } .cal div { background: #fff; border: 1px solid var(--line); min-height: 5rem; padding: .2rem; font-size: .85rem; }
            .cal .head { min-height: auto; font-weight: 700; background: #e7eef7; } .cal .published { color: var(--ok); } .cal .planned { color: var(--muted); font-style: italic; }
            .people input, .people select { padding: .25rem; }
            .field-error { color: var(--bad); font-size: .85rem; }
            [hidden] { display: none !important; }
            </style>
            <div class="card" id="key-card">
              <form id="key-form">
                <label for="key">{{E(lang.T("Kunci staf (x-functions-key)", "Staff key (x-functions-key)"))}}</label>
                <p class="hint">{{E(lang.T("Disimpan hanya di tab ini (sessionStorage) dan dikirim sebagai header x-functions-key.",
                    "Kept in this tab only (sessionStorage) and sent as the x-functions-key header."))}}</p>
                <input id="key" name="key" type="password" autocomplete="off" required>
                <label for="me">{{E(lang.T("Nama Anda (dicatat pada perubahan data orang)", "Your name (recorded with changes to the people)"))}}</label>
                <input id="me" name="me" autocomplete="name">
                <button type="submit">{{E(lang.T("Masuk", "Open"))}}</button>
              </form>
            </div>
            <div id="workspace" hidden>
            <nav class="tabs" role="tablist">
              <button type="button" role="tab" data-tab="list" aria-selected="true">{{E(lang.T("Daftar pengajuan", "Submissions"))}}</button>
              <button type="button" role="tab" data-tab="calendar" aria-selected="false">{{E(lang.T("Kalender redaksi", "Editorial calendar"))}}</button>
              <button type="button" role="tab" data-tab="people" aria-selected="false">{{E(lang.T("Orang", "People"))}}</button>
              <button type="button" id="forget">{{E(lang.T("Keluar", "Sign out"))}}</button>
            </nav>
            <p id="message" role="status" class="error"></p>

            <section id="tab-list" class="card">
              <form id="filters" class="filters">
                <div><label for="f-status">Status</label><select id="f-status" name="status">{{statuses}}</select></div>
                <div><label for="f-stage">{{E(lang.T("Tahap", "Stage"))}}</label><select id="f-stage" name="stage">{{stages}}</select></div>
                <div><label for="f-waitingFor">{{E(lang.T("Menunggu (kunci/nama)", "Waiting for (key/name)"))}}</label><input id="f-waitingFor" name="waitingFor"></div>
                <div><label for="f-team">{{E(lang.T("Tim", "Team"))}}</label><select id="f-team" name="team">{{teams}}</select></div>
                <div><label for="f-region">{{E(lang.T("Wilayah", "Region"))}}</label><select id="f-region" name="region">{{regions}}</select></div>
                <div><label for="f-contentType">{{E(lang.T("Jenis konten", "Content type"))}}</label><select id="f-contentType" name="contentType">{{types}}</select></div>
                <div><label for="f-track">{{E(lang.T("Jalur", "Track"))}}</label><select id="f-track" name="track">{{tracks}}</select></div>
                <div><label for="f-month">{{E(lang.T("Bulan diajukan", "Month submitted"))}}</label><input id="f-month" name="month" type="month"></div>
                <div><label for="f-q">{{E(lang.T("Cari judul", "Search titles"))}}</label><input id="f-q" name="q" type="search"></div>
                <div><label for="f-workflowVersion">{{E(lang.T("Versi alur kerja", "Workflow version"))}}</label><input id="f-workflowVersion" name="workflowVersion" type="number" min="1" max="1000"></div>
                <div><button type="submit" id="apply">{{E(lang.T("Terapkan", "Apply"))}}</button></div>
              </form>
              <p>
                <button type="button" id="export-csv">{{E(lang.T("Unduh CSV", "Download CSV"))}}</button>
                <button type="button" id="export-xlsx">{{E(lang.T("Unduh XLSX", "Download XLSX"))}}</button>
              </p>
              <table id="list">
                <thead><tr>
                  <th><button type="button" data-sort="title">{{E(lang.T("Judul", "Title"))}}</button></th>
                  <th><button type="button" data-sort="status">Status</button></th>
                  <th><button type="button" data-sort="waitingFor">{{E(lang.T("Menunggu", "Waiting for"))}}</button></th>
                  <th><button type="button" data-sort="team">{{E(lang.T("Tim", "Team"))}}</button></th>
                  <th><button type="button" data-sort="contentType">{{E(lang.T("Jenis", "Type"))}}</button></th>
                  <th><button type="button" data-sort="createdAt">{{E(lang.T("Diajukan (WIB)", "Submitted (WIB)"))}}</button></th>
                  <th><button type="button" data-sort="deadline">{{E(lang.T("Batas (WIB)", "Deadline (WIB)"))}}</button></th>
                </tr></thead>
                <tbody></tbody>
              </table>
              <p id="list-count" class="hint"></p>
              <button type="button" id="more" hidden>{{E(lang.T("Muat lagi", "Load more"))}}</button>
            </section>

            <section id="detail" class="card" hidden aria-live="polite"></section>

            <section id="tab-calendar" class="card" hidden>
              <label for="cal-month">{{E(lang.T("Bulan (WIB)", "Month (WIB)"))}}</label>
              <input id="cal-month" type="month">
              <p class="hint">{{E(lang.T("Hijau: terbit · biasa: terjadwal · miring: direncanakan (masih dalam proses)", "Green: published · plain: scheduled · italic: planned (still in the pipeline)"))}}</p>
              <div id="calendar" class="cal"></div>
            </section>

            <section id="tab-people" class="card people" hidden>
              <form id="people-form" novalidate>
                <table id="people"><thead><tr>
                  <th>{{E(lang.T("Kunci", "Key"))}}</th><th>{{E(lang.T("Nama", "Name"))}}</th><th>{{E(lang.T("Jabatan", "Title"))}}</th>
                  <th>Email</th><th>{{E(lang.T("Pengganti (Plt/Plh)", "Backup"))}}</th></tr></thead><tbody></tbody></table>
                <button type="button" id="add-person">{{E(lang.T("Tambah orang", "Add a person"))}}</button>
                <label for="p-reviewers">{{E(lang.T("Peninjau (kunci, dipisah koma)", "Reviewers (keys, comma separated)"))}}</label>
                <input id="p-reviewers" name="reviewers"><div class="field-error" data-for="reviewers"></div>
                <div id="p-approvers"></div>
                <label for="p-summary">{{E(lang.T("Penerima ringkasan (kunci atau email, dipisah koma)", "Summary recipients (keys or emails, comma separated)"))}}</label>
                <input id="p-summary" name="summaryRecipients"><div class="field-error" data-for="summaryRecipients"></div>
                <div class="field-error" data-for="people"></div><div class="field-error" data-for="changedBy"></div><div class="field-error" data-for="version"></div>
                <button type="submit" id="save-people">{{E(lang.T("Simpan", "Save"))}}</button>
                <p class="hint">{{E(lang.T("Berlaku untuk keputusan berikutnya yang diminta; tautan yang sudah terkirim tetap berlaku.",
                    "Applies from the next decision requested; links already sent keep working."))}}</p>
              </form>
              <h2>{{E(lang.T("Riwayat perubahan", "Change log"))}}</h2>
              <ol id="people-log"></ol>
            </section>
            </div>
            <script>
            {{Script.Replace("__WORDS__", words).Replace("__STATUS__", statusNames).Replace("__EVENTS__", eventNames).Replace("__LANG__", lang == Lang.En ? "en-GB" : "id-ID")}}
            </script>
            """;
        return HtmlResult.Page(Page(lang, lang.T("Ruang kerja staf", "Staff workspace"), body, unit.ShortName));
    }

    private static Dictionary<string, string> Words(Lang lang) => new()
    {
        ["refused"] = lang.T("Kunci staf ditolak. Masukkan lagi.", "The staff key was refused. Enter it again."),
        ["failed"] = lang.T("Permintaan gagal", "The request failed"),
        ["items"] = lang.T("pengajuan ditampilkan", "submissions shown"),
        ["history"] = lang.T("Riwayat", "History"),
        ["media"] = lang.T("Media", "Media"),
        ["publications"] = lang.T("Publikasi", "Publications"),
        ["links"] = lang.T("Tautan keputusan yang beredar", "Outstanding decision links"),
        ["noLinks"] = lang.T("Tidak ada yang menunggu keputusan.", "Nobody is waiting to decide."),
        ["revoke"] = lang.T("Cabut semua tautan keputusan", "Revoke every decision link"),
        ["revoked"] = lang.T("Tautan dicabut pada", "Links revoked at"),
        ["until"] = lang.T("batas", "until"),
        ["saved"] = lang.T("Tersimpan, versi", "Saved, version"),
        ["approvers"] = lang.T("Penyetuju jalur", "Approvers of the track"),
        ["close"] = lang.T("Tutup", "Close"),
        ["days"] = lang.T("Sen,Sel,Rab,Kam,Jum,Sab,Min", "Mon,Tue,Wed,Thu,Fri,Sat,Sun"),
        ["none"] = lang.T("(tidak ada)", "(none)"),
    };

    private const string Script = """
        const W = __WORDS__, STATUS = __STATUS__, EVENTS = __EVENTS__, LOCALE = "__LANG__";
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
          for (const t of ["list", "calendar", "people"]) $("#tab-" + t).hidden = t !== b.dataset.tab;
          $("#detail").hidden = true;
          if (b.dataset.tab === "calendar") loadCalendar();
          if (b.dataset.tab === "people") loadPeople();
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
            <td>${esc(r.waitingFor)}</td><td>${esc(r.team)}</td><td>${esc(r.contentType)}</td><td>${esc(wib(r.createdAt))}</td><td>${esc(r.deadline ? wib(r.deadline) : "")}</td></tr>`).join("");
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
            const history = s.history.map(h => `<li><strong>${esc(wib(h.at))}</strong> · ${esc(EVENTS[h.event] || h.event)}${h.actor ? " · " + esc(h.actor) : ""}${h.onBehalfOf ? " a.n. " + esc(h.onBehalfOf) : ""}${h.comment ? "<br><em>" + esc(h.comment) + "</em>" : ""}</li>`).join("");
            const media = s.media.map(m => `<li><a href="${esc(m.readUrl)}" target="_blank" rel="noopener">${esc(m.name)}</a> (${esc(m.contentType)}, ${m.size} B)</li>`).join("") || `<li>${W.none}</li>`;
            const pubs = (s.publications || []).map(p => `<li>${esc(p.channel)}: ${esc(p.status)}${p.url ? ` · <a href="${esc(p.url)}">${esc(p.url)}</a>` : ""} · ${esc(wib(p.at))}</li>`).join("") || `<li>${W.none}</li>`;
            const waiting = s.waitingFor && s.waitingFor.length
              ? `<p id="outstanding">${esc(s.waitingStage)} · ${esc(s.waitingFor.join(", "))} · ${W.until} ${esc(wib(s.deadline))}</p>`
              : `<p id="outstanding">${W.noLinks}</p>`;
            $("#detail").innerHTML = `<h2 id="detail-title">${esc(c.title)}</h2>
              <p><span class="status" data-status="${esc(s.status)}">${esc(STATUS[s.status] || s.status)}</span> · <code>${esc(s.id)}</code> · ${esc(c.contentType)} · ${esc(c.track)} · ${esc(c.submitterName || "")} &lt;${esc(c.submitterEmail)}&gt;</p>
              ${c.summary ? `<p>${esc(c.summary)}</p>` : ""}
              <h3>${W.links}</h3>${waiting}
              <button type="button" class="reject" id="revoke">${W.revoke}</button> <span id="revoke-result" role="status"></span>
              <h3>${W.history}</h3><ol id="history">${history}</ol>
              <h3>${W.media}</h3><ul>${media}</ul>
              <h3>${W.publications}</h3><ul>${pubs}</ul>
              <button type="button" id="close-detail">${W.close}</button>`;
            $("#detail").hidden = false;
            $("#detail").scrollIntoView();
            $("#close-detail").addEventListener("click", () => { $("#detail").hidden = true; });
            $("#revoke").addEventListener("click", async () => {
              try { const r = await json(`/api/submissions/${encodeURIComponent(id)}/revoke-links`, { method: "POST" }); $("#revoke-result").textContent = W.revoked + " " + wib(r.revokedAt); }
              catch (e) { if (e.message !== "401") $("#revoke-result").textContent = problemText(e.problem); }
            });
          } catch (e) { if (e.message !== "401") say(problemText(e.problem)); }
        }

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
        show();
        """;
}
