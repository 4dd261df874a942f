import { api, esc, when, showError } from "../shared/api.js";

const $ = id => document.getElementById(id);

async function loadQueue() {
  $("queue-error").innerHTML = "";
  try {
    const page = await api("/v1/applicants?stage=ManualReview&pageSize=100");
    $("queue").innerHTML = page.items.map(c => `
      <tr>
        <td><a href="#" data-case="${esc(c.applicantId)}">${esc(c.applicantId)}</a></td>
        <td>${esc(c.riskTier)}</td>
        <td>${c.reasonCodes.map(esc).join(", ") || "—"}</td>
        <td>${when(c.updatedAt)}</td>
      </tr>`).join("") || `<tr><td colspan="4">No case is waiting for review.</td></tr>`;
    $("queue-info").textContent = `${page.total} case(s) waiting`;
  } catch (error) {
    showError($("queue-error"), error);
  }
}

async function openCase(id) {
  const panel = $("case");
  panel.hidden = false;
  try {
    const a = await api(`/v1/applicants/${id}`);
    panel.innerHTML = `
      <h2 tabindex="-1">${esc(a.givenNames)} ${esc(a.surname)} <span class="badge ${esc(a.stage)}">${esc(a.stage)}</span></h2>
      <p>Risk tier ${esc(a.riskTier)} · registered ${when(a.createdAt)} · consent ${esc(a.consentVersion || "—")}</p>
      <h3>Why it is here</h3>
      <ul>${a.reasonCodes.map(c => `<li><code>${esc(c)}</code></li>`).join("") || "<li>No reason recorded.</li>"}</ul>
      <h3>History</h3>
      <ol>${a.history.map(h => `<li>${when(h.at)} — ${esc(h.from)} → ${esc(h.to)} (${esc(h.trigger)}): ${esc(h.reason)} <span class="hint">by ${esc(h.actor.kind)}</span></li>`).join("")}</ol>
      ${a.stage === "ManualReview" ? `
        <form id="decision">
          <fieldset><legend>Decision</legend>
            <label><input type="radio" name="decision" value="approve" required> Approve</label>
            <label><input type="radio" name="decision" value="reject"> Reject</label>
          </fieldset>
          <label for="decision-reason">Reason (recorded in the history)</label>
          <textarea id="decision-reason" name="reason" rows="3" required></textarea>
          <button type="submit">Record decision</button>
          <div id="decision-result"></div>
        </form>` : ""}`;
    panel.querySelector("h2").focus();
    panel.querySelector("#decision")?.addEventListener("submit", async e => {
      e.preventDefault();
      const body = Object.fromEntries(new FormData(e.target).entries());
      try {
        await api(`/v1/applicants/${id}/review`, { method: "POST", body });
        await openCase(id);
        await loadQueue();
      } catch (error) {
        showError($("decision-result"), error);
      }
    });
  } catch (error) {
    showError(panel, error);
  }
}

$("queue").addEventListener("click", e => {
  const link = e.target.closest("a[data-case]");
  if (link) { e.preventDefault(); openCase(link.dataset.case); }
});
loadQueue();
