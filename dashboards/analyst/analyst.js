import { api, esc, when, showError } from "../shared/api.js";
import { signIn } from "../shared/signin.js";
import { scoreChart } from "./chart.js";

const $ = id => document.getElementById(id);
const state = { page: 1, pageSize: 20, total: 0, items: [], sort: { key: "flaggedAt", dir: "descending" }, account: null };

// ---- the flagged list: filters and paging on the service, sorting within the page --------------------------------
async function load() {
  const form = new FormData($("filters"));
  state.pageSize = Number(form.get("pageSize")) || 20;
  const query = new URLSearchParams({ page: state.page, pageSize: state.pageSize });
  for (const [k, v] of form.entries()) if (v && k !== "pageSize") query.set(k, v);
  $("list-error").innerHTML = "";
  try {
    const result = await api(`/v1/accounts/flagged?${query}`);
    state.total = result.total;
    state.items = result.items;
    renderRows();
    const pages = Math.max(1, Math.ceil(state.total / state.pageSize));
    $("page-info").textContent = `Page ${state.page} of ${pages} — ${state.total} account(s)`;
    $("prev").disabled = state.page <= 1;
    $("next").disabled = state.page >= pages;
  } catch (error) {
    showError($("list-error"), error);
  }
}

function renderRows() {
  const { key, dir } = state.sort;
  const sign = dir === "ascending" ? 1 : -1;
  const rows = [...state.items].sort((a, b) => {
    const x = a[key] ?? "", y = b[key] ?? "";
    return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * sign;
  });
  $("rows").innerHTML = rows.map(row => `
    <tr>
      <td><a href="#account=${encodeURIComponent(row.accountId)}" data-account="${esc(row.accountId)}">${esc(row.accountId)}</a></td>
      <td><span class="badge ${esc(row.flagStatus)}">${esc(row.flagStatus)}</span></td>
      <td>${row.reasonCodes.map(esc).join(", ")}</td>
      <td>${Number(row.riskScore).toFixed(2)}</td>
      <td>${when(row.flaggedAt)}</td>
    </tr>`).join("") || `<tr><td colspan="5">No flagged accounts match.</td></tr>`;
  for (const th of document.querySelectorAll("th[data-key]")) {
    if (th.dataset.key === key) th.setAttribute("aria-sort", dir); else th.removeAttribute("aria-sort");
  }
}

for (const th of document.querySelectorAll("th[data-key]")) {
  th.querySelector("button").addEventListener("click", () => {
    const key = th.dataset.key;
    state.sort = { key, dir: state.sort.key === key && state.sort.dir === "descending" ? "ascending" : "descending" };
    renderRows();
  });
}

// ---- one account --------------------------------------------------------------------------------------------------
const actionLabels = { acknowledge: "Acknowledge", escalate: "Escalate", clear: "Clear" };

async function showAccount(accountId, focus = true) {
  const detail = $("detail");
  detail.hidden = false;
  try {
    const [account, audit] = await Promise.all([
      api(`/v1/accounts/${encodeURIComponent(accountId)}`),
      api(`/v1/audit/account/${encodeURIComponent(accountId)}`).catch(error => ({ error })),
    ]);
    state.account = account;
    detail.innerHTML = accountHtml(account, audit);
    detail.setAttribute("aria-labelledby", "detail-title");
    wireAccount(account);
    if (focus) $("detail-title").focus();
  } catch (error) {
    detail.innerHTML = `<h2 id="detail-title" tabindex="-1">Account ${esc(accountId)}</h2>`;
    showError(detail.appendChild(document.createElement("div")), error);
  }
}

function accountHtml(account, audit) {
  const points = account.scoreTimeline || [];
  const thresholds = account.flags.flatMap(f => f.hits).filter(h => h.code === "anomaly_score").map(h => h.threshold);
  const threshold = thresholds.length ? thresholds[thresholds.length - 1] : null;
  const latest = points[points.length - 1];
  const values = account.latestFeatures?.values || {};
  const topFeatures = latest ? latest.topFeatures.split(",").filter(Boolean) : [];
  const features = Object.entries(values)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(format(v))}</td></tr>`).join("");

  const chart = points.length
    ? `${scoreChart(points, { threshold, titleId: "chart-title", descId: "chart-desc" })}
       <p id="chart-desc" class="hint">${points.length} score(s) from ${when(points[0].at)} to ${when(latest.at)}; latest ${Number(latest.score).toFixed(3)}${threshold != null ? `, flag threshold ${Number(threshold).toFixed(2)}` : ""}. Model ${esc(account.modelVersion || latest.modelVersion)}.</p>
       <details><summary>Scores as a table</summary><div class="table-wrap"><table>
         <thead><tr><th scope="col">Event time</th><th scope="col">Score</th><th scope="col">Model</th><th scope="col">Event</th></tr></thead>
         <tbody>${points.map(p => `<tr><td>${when(p.at)}</td><td>${Number(p.score).toFixed(3)}</td><td>${esc(p.modelVersion)}</td><td><code>${esc(p.eventId)}</code></td></tr>`).join("")}</tbody>
       </table></div></details>`
    : `<p id="chart-desc">No anomaly scores yet: ${account.modelVersion ? "no event was scored since the model loaded" : "no anomaly model is trained yet (the rules still apply)"}.</p>`;

  const top = topFeatures.length
    ? `<ol>${topFeatures.map(f => `<li><strong>${esc(f)}</strong>${f in values ? ` — now ${esc(format(values[f]))}` : ""}</li>`).join("")}</ol>`
    : "<p>No scored event yet.</p>";

  const flags = account.flags.map(flag => `
    <article class="card" data-flag="${esc(flag.flagId)}" aria-labelledby="flag-${esc(flag.flagId)}">
      <h4 id="flag-${esc(flag.flagId)}">Flag raised ${when(flag.raisedAt)} <span class="badge ${esc(flag.status)}">${esc(flag.status)}</span></h4>
      <p class="hint">Triggered by event <code>${esc(flag.triggeringEventId)}</code></p>
      <ul>${flag.hits.map(h => `<li><strong>${esc(h.code)}</strong>: ${esc(h.description)} (value ${esc(format(h.value))}, threshold ${esc(format(h.threshold))})</li>`).join("")}</ul>
      <h5>History</h5>
      <ul>${flag.actions.map(a => `<li>${when(a.at)} — ${esc(a.actor)}: ${esc(a.newStatus)}${a.note ? ` — “${esc(a.note)}”` : ""}</li>`).join("") || "<li>No action yet.</li>"}</ul>
      ${["Open", "Acknowledged", "Escalated"].includes(flag.status) ? `
        <label for="note-${esc(flag.flagId)}">Note (required to clear)</label>
        <textarea id="note-${esc(flag.flagId)}" rows="2" maxlength="2000" aria-describedby="note-help-${esc(flag.flagId)}"></textarea>
        <p id="note-help-${esc(flag.flagId)}" class="hint">Kept in the flag's history. The audit trail records that a note exists, not its words.</p>
        <div class="row">
          ${flag.status !== "Acknowledged" ? `<button type="button" data-action="acknowledge">Acknowledge</button>` : ""}
          ${flag.status !== "Escalated" ? `<button type="button" data-action="escalate" class="secondary">Escalate</button>` : ""}
          <button type="button" data-action="clear" class="secondary">Clear</button>
        </div>` : ""}
      <div class="action-result"></div>
    </article>`).join("");

  const entries = Array.isArray(audit) ? audit : [];
  const history = audit?.error
    ? `<p class="hint">The activity history is not available to this role (${esc(audit.error.code)}).</p>`
    : `<ol>${entries.map(r => `<li>${when(r.entry.at)} — <strong>${esc(r.entry.action)}</strong> by ${esc(r.entry.actorKind)} ${esc(r.entry.actorId)} <span class="hint">${esc(r.entry.details)}</span></li>`).join("") || "<li>Nothing recorded yet.</li>"}</ol>`;

  return `
    <h2 id="detail-title" tabindex="-1">Account ${esc(account.accountId)} <span class="badge ${esc(account.status)}">${esc(account.status)}</span></h2>
    <p>Applicant: <code>${esc(account.applicantId || "none linked")}</code> · events seen: ${esc(account.eventsSeen)} · last event: ${when(account.lastEventAt)}</p>
    <h3 id="chart-title">Anomaly score over time</h3>
    ${chart}
    <div class="columns">
      <div><h3>Features behind the latest score</h3>${top}</div>
      <div><h3>Latest features</h3><div class="table-wrap"><table><tbody>${features || "<tr><td>No activity yet.</td></tr>"}</tbody></table></div></div>
    </div>
    <h3>Flags</h3>${flags || "<p>No flags.</p>"}
    <h3>Activity and flag history</h3>${history}
    <h3>Re-verification</h3>
    ${account.applicantId ? `
      <label for="rekyc-reason">Reason for re-verification (sent to the applicant's record)</label>
      <input id="rekyc-reason" maxlength="500" value="analyst request on account ${esc(account.accountId)}">
      <button type="button" id="rekyc" class="danger">Require re-verification of the applicant</button>
      <div id="rekyc-result"></div>` : "<p>No applicant is linked to this account.</p>"}`;
}

function wireAccount(account) {
  const detail = $("detail");
  detail.querySelectorAll("article[data-flag] button[data-action]").forEach(button => button.addEventListener("click", async () => {
    const article = button.closest("article");
    const result = article.querySelector(".action-result");
    const noteBox = article.querySelector("textarea");
    const note = noteBox?.value.trim() || null;
    result.innerHTML = "";
    if (button.dataset.action === "clear" && !note) {
      showError(result, { message: "Write a note before clearing: it is kept in the flag's history.", code: "note_required" });
      noteBox.focus();
      return;
    }
    try {
      await api(`/v1/accounts/${encodeURIComponent(account.accountId)}/flags/${encodeURIComponent(article.dataset.flag)}/actions`,
        { method: "POST", body: { action: button.dataset.action, note } });
      await showAccount(account.accountId, false);
      const again = document.querySelector(`article[data-flag="${CSS.escape(article.dataset.flag)}"] .action-result`);
      if (again) again.innerHTML = `<p class="ok" role="status">${esc(actionLabels[button.dataset.action])}: recorded.</p>`;
      await load();
    } catch (error) {
      showError(result, error);
    }
  }));
  $("rekyc")?.addEventListener("click", async () => {
    const reason = $("rekyc-reason").value.trim();
    if (!reason) {
      showError($("rekyc-result"), { message: "Give a reason.", code: "reason_required" });
      return;
    }
    try {
      await api(`/v1/applicants/${encodeURIComponent(account.applicantId)}/reverification`, { method: "POST", body: { reason } });
      $("rekyc-result").innerHTML = `<p class="ok" role="status">Re-verification required: the applicant's platform is notified.</p>`;
    } catch (error) {
      if (error.status === 403) error.message = `Your role may not trigger re-verification (${error.message}) Ask the client platform or an administrator.`;
      showError($("rekyc-result"), error);
    }
  });
}

function format(v) {
  return typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v ?? "");
}

$("filters").addEventListener("submit", e => { e.preventDefault(); state.page = 1; load(); });
$("prev").addEventListener("click", () => { state.page--; load(); });
$("next").addEventListener("click", () => { state.page++; load(); });
$("rows").addEventListener("click", e => {
  const link = e.target.closest("a[data-account]");
  if (link) { e.preventDefault(); showAccount(link.dataset.account); }
});

signIn({ storageKey: "ekyc.staff.token", roles: ["analyst", "admin"], probe: "/v1/accounts/flagged?pageSize=1", onSignedIn: load });
