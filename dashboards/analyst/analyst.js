import { api, esc, when, showError } from "../shared/api.js";

const state = { page: 1, pageSize: 20, total: 0 };
const $ = id => document.getElementById(id);

async function load() {
  const form = new FormData($("filters"));
  const query = new URLSearchParams({ page: state.page, pageSize: state.pageSize });
  for (const [k, v] of form.entries()) if (v) query.set(k, v);
  $("list-error").innerHTML = "";
  try {
    const result = await api(`/v1/accounts/flagged?${query}`);
    state.total = result.total;
    $("rows").innerHTML = result.items.map(row => `
      <tr>
        <td><a href="#" data-account="${esc(row.accountId)}">${esc(row.accountId)}</a></td>
        <td><span class="badge ${esc(row.flagStatus)}">${esc(row.flagStatus)}</span></td>
        <td>${row.reasonCodes.map(esc).join(", ")}</td>
        <td>${row.riskScore.toFixed(2)}</td>
        <td>${when(row.flaggedAt)}</td>
      </tr>`).join("") || `<tr><td colspan="5">No flagged accounts match.</td></tr>`;
    const pages = Math.max(1, Math.ceil(state.total / state.pageSize));
    $("page-info").textContent = `Page ${state.page} of ${pages} — ${state.total} account(s)`;
    $("prev").disabled = state.page <= 1;
    $("next").disabled = state.page >= pages;
  } catch (error) {
    showError($("list-error"), error);
  }
}

async function showAccount(accountId) {
  const detail = $("detail");
  detail.hidden = false;
  try {
    const account = await api(`/v1/accounts/${encodeURIComponent(accountId)}`);
    const features = Object.entries(account.latestFeatures?.values || {})
      .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join("");
    const flags = account.flags.map(flag => `
      <article class="card" data-flag="${esc(flag.flagId)}">
        <h3>Flag <span class="badge ${esc(flag.status)}">${esc(flag.status)}</span></h3>
        <p class="hint">Raised ${when(flag.raisedAt)} by event ${esc(flag.triggeringEventId)}</p>
        <ul>${flag.hits.map(h => `<li><strong>${esc(h.code)}</strong>: ${esc(h.description)} (value ${esc(h.value)}, threshold ${esc(h.threshold)})</li>`).join("")}</ul>
        <h4>History</h4>
        <ul>${flag.actions.map(a => `<li>${when(a.at)} — ${esc(a.actor)}: ${esc(a.newStatus)}${a.note ? ` — “${esc(a.note)}”` : ""}</li>`).join("") || "<li>No action yet.</li>"}</ul>
        ${["Open", "Acknowledged", "Escalated"].includes(flag.status) ? `
          <label for="note-${esc(flag.flagId)}">Note (required to clear)</label>
          <textarea id="note-${esc(flag.flagId)}" rows="2"></textarea>
          <div class="row">
            <button type="button" data-action="acknowledge">Acknowledge</button>
            <button type="button" data-action="escalate" class="secondary">Escalate</button>
            <button type="button" data-action="clear" class="secondary">Clear</button>
          </div>` : ""}
        <div class="action-result"></div>
      </article>`).join("");
    detail.innerHTML = `
      <h2>Account ${esc(account.accountId)} <span class="badge ${esc(account.status)}">${esc(account.status)}</span></h2>
      <p>Applicant: <code>${esc(account.applicantId)}</code> · events seen: ${esc(account.eventsSeen)} · last event: ${when(account.lastEventAt)}</p>
      <button type="button" id="rekyc">Require re-verification of the applicant</button>
      <div id="rekyc-result"></div>
      <h3>Latest features</h3>
      <table><tbody>${features || "<tr><td>No activity yet.</td></tr>"}</tbody></table>
      <h3>Flags</h3>${flags || "<p>No flags.</p>"}`;
    detail.querySelectorAll("article[data-flag] button[data-action]").forEach(button => button.addEventListener("click", async () => {
      const article = button.closest("article");
      const note = article.querySelector("textarea")?.value || null;
      try {
        await api(`/v1/accounts/${encodeURIComponent(accountId)}/flags/${encodeURIComponent(article.dataset.flag)}/actions`,
          { method: "POST", body: { action: button.dataset.action, note } });
        await showAccount(accountId);
        await load();
      } catch (error) {
        showError(article.querySelector(".action-result"), error);
      }
    }));
    $("rekyc").addEventListener("click", async () => {
      try {
        await api(`/v1/applicants/${account.applicantId}/reverification`, { method: "POST", body: { reason: `analyst request on account ${accountId}` } });
        $("rekyc-result").innerHTML = `<p class="ok" role="status">Re-verification required.</p>`;
      } catch (error) {
        showError($("rekyc-result"), error);
      }
    });
    detail.querySelector("h2").focus?.();
  } catch (error) {
    showError(detail, error);
  }
}

$("filters").addEventListener("submit", e => { e.preventDefault(); state.page = 1; load(); });
$("prev").addEventListener("click", () => { state.page--; load(); });
$("next").addEventListener("click", () => { state.page++; load(); });
$("rows").addEventListener("click", e => {
  const link = e.target.closest("a[data-account]");
  if (link) { e.preventDefault(); showAccount(link.dataset.account); }
});
load();
