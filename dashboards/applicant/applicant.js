import { api, esc, showError } from "../shared/api.js";

const $ = id => document.getElementById(id);
const stepNames = {
  give_consent: "Give consent", start_capture: "Start verification", submit_document: "Photograph your identity document",
  submit_selfie: "Take a selfie", await_background_checks: "We are checking your details", await_manual_review: "A member of our team is reviewing your case",
};
const order = ["Registered", "ConsentGiven", "AwaitingDocuments", "AwaitingSelfie", "UnderVerification", "Approved"];
let applicantId = sessionStorage.getItem("ekyc.applicant");

function show(section) {
  for (const id of ["register", "consent", "status"]) $(id).hidden = id !== section;
  $(section).querySelector("h2").setAttribute("tabindex", "-1");
  $(section).querySelector("h2").focus();
}

function render(view) {
  $("stage").textContent = view.stage;
  $("stage").className = `badge ${view.stage}`;
  $("applicant-ref").textContent = view.applicantId;
  const at = order.indexOf(view.stage);
  $("steps").innerHTML = ["Your details", "Consent", "Identity document", "Selfie", "Checks", "Verified"]
    .map((label, i) => `<li class="${i < at || view.stage === "Approved" ? "done" : i === at ? "current" : ""}">${esc(label)}</li>`).join("");
  const next = view.pendingSteps.map(s => `<li>${esc(stepNames[s] || s)}</li>`).join("");
  const guidance = view.guidance.map(g => `<li>${esc(g)}</li>`).join("");
  $("guidance").innerHTML = (guidance ? `<h3>What to do</h3><ul role="alert">${guidance}</ul>` : "") + (next ? `<h3>Next</h3><ul>${next}</ul>` : "");
}

async function refresh() {
  const view = await api(`/v1/applicants/${applicantId}`);
  if (view.stage === "Registered") { show("consent"); return; }
  render(view);
  show("status");
}

$("register-form").addEventListener("submit", async e => {
  e.preventDefault();
  const body = Object.fromEntries(new FormData(e.target).entries());
  try {
    const view = await api("/v1/applicants", { method: "POST", body });
    applicantId = view.applicantId;
    sessionStorage.setItem("ekyc.applicant", applicantId);
    show("consent");
  } catch (error) {
    showError($("register-error"), error);
  }
});

$("consent-box").addEventListener("change", e => { $("consent-button").disabled = !e.target.checked; });
$("consent-button").addEventListener("click", async () => {
  try {
    const view = await api(`/v1/applicants/${applicantId}/consent`, { method: "POST", body: { consentVersion: $("consent-version").textContent, channel: "web" } });
    render(view);
    show("status");
  } catch (error) {
    showError($("consent-error"), error);
  }
});

if (applicantId) refresh().catch(() => { sessionStorage.removeItem("ekyc.applicant"); applicantId = null; });
