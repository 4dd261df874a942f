import { api, esc, when, showError, objectUrl } from "../shared/api.js";
import { signIn } from "../shared/signin.js";

const $ = id => document.getElementById(id);
let urls = []; // object URLs of the open case's images, revoked when another case opens

// What each reason code means to a reviewer, and which part of the case it belongs to.
const reasonTexts = {
  document_expired: "The document's expiry date (from the MRZ) is in the past.",
  document_issuer_unknown: "The issuing state or nationality code is not a known ICAO code.",
  document_name_differs: "The name in the MRZ is a different name from the registration.",
  document_name_mismatch: "The name in the MRZ matches the registration only in part.",
  document_type_mismatch: "The MRZ document code does not match the document type chosen.",
  document_not_machine_readable: "The document has no readable MRZ (e.g. a driving licence).",
  mrz_repaired_by_check_digits: "OCR errors in the MRZ were repaired using its check digits.",
  mrz_check_digits_failed: "MRZ check digits do not verify.",
  mrz_invalid_date: "A date in the MRZ is not a valid date.",
  mrz_invalid_sex: "The sex field of the MRZ is not valid.",
  birth_date_implausible: "The birth date is implausible.",
  applicant_under_minimum_age: "The applicant is under the minimum age.",
  face_mismatch: "The selfie does not match the document portrait.",
  duplicate_face: "The face matches another applicant's.",
  document_portrait_missing: "No portrait was stored from the document to compare with.",
  document_portrait_no_face: "No face was found in the stored document portrait.",
  liveness_low_confidence: "Passive liveness is not confident the selfie is of a live person.",
  liveness_face_mismatch: "The face in the movement check is not the selfie's face.",
  liveness_template_missing: "The movement check left no face template to compare.",
  challenge_not_performed: "The applicant did not do the movement check.",
  sanctions_strong_match: "Strong match on a sanctions list.",
  sanctions_possible_match: "Possible match on a sanctions list.",
  screening_lists_unavailable: "No sanctions list was loaded: the case was not screened.",
  no_check_results: "No check results were recorded for a step.",
  check_inconclusive: "A check could not decide.",
};

function groupOf(code) {
  if (code.startsWith("mrz_") || code.startsWith("document_") && !code.startsWith("document_portrait_") || code === "birth_date_implausible" || code === "applicant_under_minimum_age") return "document";
  if (code.startsWith("sanctions_") || code.startsWith("screening_")) return "screening";
  if (code.startsWith("face_") || code.startsWith("liveness_") || code.startsWith("challenge_") || code.startsWith("action_not_observed") || code.startsWith("duplicate_") || code.startsWith("document_portrait_")) return "face";
  return "other";
}

function codeList(codes) {
  return codes.length
    ? `<ul>${codes.map(c => `<li><code>${esc(c)}</code>${reasonTexts[c] ? ` — ${esc(reasonTexts[c])}` : ""}</li>`).join("")}</ul>`
    : "<p class=\"hint\">No reason code in this group.</p>";
}

// ---- the queue ----------------------------------------------------------------------------------------------------
async function loadQueue() {
  $("queue-error").innerHTML = "";
  try {
    const page = await api("/v1/applicants?stage=ManualReview&pageSize=100");
    $("queue").innerHTML = page.items.map(c => `
      <tr>
        <td><a href="#case=${esc(c.applicantId)}" data-case="${esc(c.applicantId)}">${esc(c.applicantId)}</a></td>
        <td>${esc(c.riskTier)}</td>
        <td>${c.reasonCodes.map(esc).join(", ") || "—"}</td>
        <td>${when(c.updatedAt)}</td>
      </tr>`).join("") || `<tr><td colspan="4">No case is waiting for review.</td></tr>`;
    $("queue-info").textContent = `${page.total} case(s) waiting`;
  } catch (error) {
    showError($("queue-error"), error);
  }
}

// ---- one case -----------------------------------------------------------------------------------------------------
async function openCase(id) {
  const panel = $("case");
  panel.hidden = false;
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
  try {
    const [a, evidence, checks] = await Promise.all([
      api(`/v1/applicants/${encodeURIComponent(id)}`),
      api(`/v1/applicants/${encodeURIComponent(id)}/evidence`).catch(error => ({ error })),
      // Check results with their facts and scores: not exposed by every API version; the page says so when absent.
      api(`/v1/applicants/${encodeURIComponent(id)}/checks`).catch(() => null),
    ]);
    const newest = kind => Array.isArray(evidence) ? evidence.find(e => e.kind === kind) : undefined;
    const codes = a.reasonCodes || [];
    const byGroup = g => codes.filter(c => groupOf(c) === g);
    const result = name => (Array.isArray(checks) ? checks : []).find(c => c.checkName === name);

    panel.innerHTML = `
      <h2 id="case-title" tabindex="-1">${esc(a.givenNames)} ${esc(a.surname)} <span class="badge ${esc(a.stage)}">${esc(a.stage)}</span></h2>
      <p>Case <code>${esc(a.applicantId)}</code> · risk tier ${esc(a.riskTier)} · registered ${when(a.createdAt)} · consent ${esc(a.consentVersion || "—")} · attempt ${esc(a.attempt)}</p>

      <h3>Document</h3>
      <div class="evidence">
        ${figure("document_front", "Document, front as uploaded", newest("document_front"))}
        ${figure("document_back", "Document, back as uploaded", newest("document_back"))}
      </div>
      ${evidence?.error ? `<p class="error">Evidence not available: ${esc(evidence.error.message)} (${esc(evidence.error.code)})</p>` : ""}

      <div class="columns">
        <div>
          <h3>Extracted fields</h3>
          ${factsHtml([result("mrz"), result("document_data")])}
        </div>
        <div>
          <h3>MRZ and document reason codes</h3>
          ${checkOutcomes(checks, ["document_quality", "mrz", "document_data", "document_name", "document_portrait"])}
          ${codeList(byGroup("document"))}
        </div>
      </div>

      <h3>Face match</h3>
      <div class="pair">
        ${figure("document_portrait", "Portrait cropped from the document", newest("document_portrait"))}
        ${figure("selfie", "Selfie", newest("selfie"))}
      </div>
      ${scoreLine(result("face_match"), "Face-match score")}
      ${scoreLine(result("passive_liveness"), "Passive liveness score")}
      ${scoreLine(result("challenge_liveness"), "Movement-check (challenge) score")}
      ${codeList(byGroup("face"))}
      <p class="hint">Movement-check frames are analysed and discarded; only their face template is kept.</p>

      <h3>Screening</h3>
      ${screeningHtml(result("sanctions_screening"))}
      ${codeList(byGroup("screening"))}
      ${byGroup("other").length ? `<h3>Other reasons</h3>${codeList(byGroup("other"))}` : ""}

      <h3>History</h3>
      <ol>${a.history.map(h => `<li>${when(h.at)} — ${esc(h.from)} → ${esc(h.to)} (${esc(h.trigger)}): ${esc(h.reason)} <span class="hint">by ${esc(h.actor.kind)}${h.policyVersion ? `, policy ${esc(h.policyVersion)}` : ""}</span></li>`).join("")}</ol>
      ${a.stage === "ManualReview" ? `
        <form id="decision" novalidate>
          <fieldset><legend>Decision</legend>
            <label class="choice"><input type="radio" name="decision" value="approve" required> Approve</label>
            <label class="choice"><input type="radio" name="decision" value="reject"> Reject</label>
          </fieldset>
          <label for="decision-reason">Reason (recorded in the history)</label>
          <textarea id="decision-reason" name="reason" rows="3" maxlength="2000" required></textarea>
          <button type="submit">Record decision</button>
          <div id="decision-result"></div>
        </form>` : ""}`;
    panel.setAttribute("aria-labelledby", "case-title");
    $("case-title").focus();
    await loadImages(id, panel);
    panel.querySelector("#decision")?.addEventListener("submit", async e => {
      e.preventDefault();
      const body = Object.fromEntries(new FormData(e.target).entries());
      if (!body.decision || !String(body.reason || "").trim()) {
        showError($("decision-result"), { message: "Choose approve or reject and give the reason.", code: "reason_required" });
        return;
      }
      try {
        await api(`/v1/applicants/${encodeURIComponent(id)}/review`, { method: "POST", body });
        await openCase(id);
        await loadQueue();
      } catch (error) {
        showError($("decision-result"), error);
      }
    });
  } catch (error) {
    panel.innerHTML = `<h2 id="case-title" tabindex="-1">Case ${esc(id)}</h2>`;
    showError(panel.appendChild(document.createElement("div")), error);
  }
}

function figure(kind, caption, ref) {
  if (!ref) return `<figure><figcaption>${esc(caption)}: none stored</figcaption></figure>`;
  return `<figure><img data-evidence="${esc(ref.id)}" alt="${esc(caption)}"><figcaption>${esc(caption)} · ${when(ref.storedAt)}</figcaption></figure>`;
}

// Evidence is fetched with the bearer token (an <img src> cannot send it) and shown through object URLs.
async function loadImages(id, panel) {
  await Promise.all([...panel.querySelectorAll("img[data-evidence]")].map(async img => {
    try {
      const url = await objectUrl(`/v1/applicants/${encodeURIComponent(id)}/evidence/${encodeURIComponent(img.dataset.evidence)}`);
      urls.push(url);
      img.src = url;
    } catch (error) {
      img.alt = `${img.alt} (could not be loaded: ${error.code})`;
    }
  }));
}

const factLabels = {
  document_type: "Document code", issuing_state: "Issuing state", nationality: "Nationality", birth_date: "Date of birth",
  document_expiry: "Expiry date", document_number_masked: "Document number (masked)", mrz_format: "MRZ format",
  failed_check_digits: "Failed check digits",
};

function factsHtml(results) {
  const present = results.filter(Boolean);
  if (!present.length) {
    return `<p class="hint">The API does not expose the check results (extracted fields, scores) for this case; the reason codes beside and the images are what there is.</p>`;
  }
  const facts = Object.assign({}, ...present.map(r => r.facts || {}));
  const rows = Object.entries(facts).map(([k, v]) => `<dt>${esc(factLabels[k] || k)}</dt><dd>${esc(v)}</dd>`).join("");
  return rows ? `<dl class="facts">${rows}</dl>` : "<p>No field was extracted (the MRZ was not read).</p>";
}

function checkOutcomes(checks, names) {
  if (!Array.isArray(checks)) return "";
  const rows = checks.filter(c => names.includes(c.checkName))
    .map(c => `<li>${esc(c.checkName)}: <span class="badge ${esc(c.outcome)}">${esc(c.outcome)}</span>${c.score != null ? ` score ${Number(c.score).toFixed(3)}` : ""}</li>`).join("");
  return rows ? `<ul>${rows}</ul>` : "";
}

function scoreLine(result, label) {
  if (!result) return "";
  return `<p>${esc(label)}: <strong>${result.score != null ? Number(result.score).toFixed(3) : "—"}</strong> <span class="badge ${esc(result.outcome)}">${esc(result.outcome)}</span> <span class="hint">${esc(result.modelVersion || "")}</span></p>`;
}

function screeningHtml(result) {
  if (!result) return `<p class="hint">Screening hits are not exposed by the API for this case (or screening has not run).</p>`;
  const hits = Object.entries(result.facts || {}).filter(([k]) => k.startsWith("hit_")).sort()
    .map(([, v]) => { const [source, listId, score, strength] = String(v).split(":"); return { source, listId, score, strength }; });
  return `<p>Lists: <span class="hint">${esc(result.modelVersion || "—")}</span> · best score ${result.score != null ? Number(result.score).toFixed(3) : "—"}</p>` + (hits.length
    ? `<div class="table-wrap"><table><thead><tr><th scope="col">List</th><th scope="col">Entry id</th><th scope="col">Score</th><th scope="col">Strength</th></tr></thead>
       <tbody>${hits.map(h => `<tr><td>${esc(h.source)}</td><td><code>${esc(h.listId)}</code></td><td>${esc(h.score)}</td><td>${esc(h.strength)}</td></tr>`).join("")}</tbody></table></div>`
    : "<p>No list entry came close.</p>");
}

$("queue").addEventListener("click", e => {
  const link = e.target.closest("a[data-case]");
  if (link) { e.preventDefault(); openCase(link.dataset.case); }
});
$("queue-refresh").addEventListener("click", loadQueue);

signIn({ storageKey: "ekyc.staff.token", roles: ["reviewer", "admin"], probe: "/v1/applicants?stage=ManualReview&pageSize=1", onSignedIn: loadQueue });
