import { api, esc, showError, useToken, setToken } from "../shared/api.js";
import { cameraAvailable, openCamera, closeCamera, still, measure, documentHint } from "../shared/camera.js";

const $ = id => document.getElementById(id);
const TOKEN_KEY = "ekyc.applicant.token";
const ID_KEY = "ekyc.applicant";
const SECTIONS = ["start", "consent", "document", "selfie", "status"];

// ---- the capture link: #applicant={id}&token={token} -------------------------------------------------------------
// The token is kept in this tab's sessionStorage and removed from the address bar at once, so it does not stay in
// the history, a bookmark or a screenshot. It is sent as a bearer token on every call.
useToken(TOKEN_KEY, () => {
  if (sessionStorage.getItem(TOKEN_KEY)) linkProblem("Your link has expired or is not valid any more. Ask the service that sent it for a new link.");
});
(function readLink() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const id = fragment.get("applicant");
  const t = fragment.get("token");
  if (id && t) {
    sessionStorage.setItem(ID_KEY, id);
    setToken(t);
  }
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
})();
let applicantId = sessionStorage.getItem(ID_KEY);

function linkProblem(message) {
  $("page-error").innerHTML = `<p class="error" role="alert">${esc(message)}</p>`;
}

// ---- navigation ---------------------------------------------------------------------------------------------------
const progressFor = { consent: "consent", document: "document", selfie: "selfie" };

/** Shows one section; the progress bar marks the current step and the steps done (all before it, unless told). */
let shown = null;

function show(section, progressStep, done) {
  const changed = shown !== section || section !== "status";
  shown = section;
  for (const id of SECTIONS) $(id).hidden = id !== section;
  if (section !== "document") stopDocumentCamera();
  if (section !== "selfie") closeCamera($("selfie-video"));
  const step = progressStep || progressFor[section];
  const order = ["consent", "document", "selfie", "checks", "result"];
  const at = order.indexOf(step);
  for (const li of $("progress").querySelectorAll("li")) {
    const i = order.indexOf(li.dataset.step);
    const isDone = done ? done.has(li.dataset.step) : at >= 0 && i < at;
    li.className = i === at ? "current" : isDone ? "done" : "";
    if (i === at) li.setAttribute("aria-current", "step"); else li.removeAttribute("aria-current");
  }
  // Focus moves to a new step's heading; a status refresh by polling leaves the reader where they are.
  if (changed) $(section).querySelector("h2").focus();
}

/** The steps the history shows as completed (a case rejected at the document never did the selfie). */
function stepsDone(view) {
  const history = view.history || [];
  const reached = new Set(history.map(h => h.to));
  const triggered = new Set(history.map(h => h.trigger));
  const done = new Set();
  if (view.consentVersion || reached.has("ConsentGiven")) done.add("consent");
  if (triggered.has("document_step_completed")) done.add("document");
  if (triggered.has("selfie_step_completed")) done.add("selfie");
  if (triggered.has("background_checks_completed") || triggered.has("review_decided")) done.add("checks");
  return done;
}

/** Shows the page for where the applicant stands. */
function route(view) {
  stopPolling();
  switch (view.stage) {
    case "Registered":
      showConsent();
      break;
    case "AwaitingDocuments":
      guidanceInto($("document-guidance"), view);
      show("document");
      break;
    case "AwaitingSelfie":
      guidanceInto($("selfie-guidance"), view);
      show("selfie");
      break;
    default:
      renderStatus(view);
  }
}

function guidanceInto(target, view) {
  const items = (view.guidance || []).map(g => `<li>${esc(g)}</li>`).join("");
  target.innerHTML = items
    ? `<div class="notice" role="alert"><p><strong>Please try again.</strong></p><ul>${items}</ul></div>`
    : "";
}

async function refresh() {
  const view = await api(`/v1/applicants/${encodeURIComponent(applicantId)}`);
  route(view);
  return view;
}

// ---- consent ------------------------------------------------------------------------------------------------------
// The consent text is the operator's: dashboards/applicant/consent.json names the version (one of the service's
// Api:ConsentVersions) and where its approved text is published on this site. The page never writes legal text.
let consentConfig = null;

async function showConsent() {
  show("consent");
  if (!consentConfig) {
    try {
      consentConfig = await (await fetch("consent.json", { cache: "no-store" })).json();
    } catch {
      consentConfig = {};
    }
  }
  $("consent-version").textContent = consentConfig.version || "not configured";
  $("consent-button").dataset.version = consentConfig.version || "";
  const text = $("consent-text");
  if (consentConfig.textUrl) {
    try {
      const response = await fetch(consentConfig.textUrl, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      text.textContent = await response.text();
      $("consent-source").textContent = "";
      return;
    } catch {
      text.textContent = "";
    }
  }
  text.hidden = true;
  $("consent-source").textContent = "The full text of this version is published by the service you are signing up with; "
    + "ask it for a copy. (Operators: set the text's address in dashboards/applicant/consent.json, textUrl; "
    + "the accepted versions are Api:ConsentVersions.)";
}

$("consent-box").addEventListener("change", e => { $("consent-button").disabled = !e.target.checked; });
$("consent-button").addEventListener("click", async () => {
  $("consent-error").innerHTML = "";
  try {
    const view = await api(`/v1/applicants/${encodeURIComponent(applicantId)}/consent`, {
      method: "POST", body: { consentVersion: $("consent-button").dataset.version, channel: "web" },
    });
    route(view);
  } catch (error) {
    showError($("consent-error"), error);
  }
});

// ---- registration (local development without authentication only) ------------------------------------------------
$("register-form").addEventListener("submit", async e => {
  e.preventDefault();
  $("register-error").innerHTML = "";
  const body = Object.fromEntries(new FormData(e.target).entries());
  try {
    const view = await api("/v1/applicants", { method: "POST", body });
    applicantId = view.applicantId;
    sessionStorage.setItem(ID_KEY, applicantId);
    route(view);
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      error.message = "This service requires authentication: your provider registers you and sends you a link.";
    }
    showError($("register-error"), error);
  }
});

// ---- document -----------------------------------------------------------------------------------------------------
const documentTypes = {
  passport: { sides: ["front"], front: "Photo page", frame: "id3",
    text: "Photograph the page with your photo, including the two lines of letters and <<< at the bottom." },
  id_card: { sides: ["front", "back"], front: "Front of the card", back: "Back of the card", frame: "id1",
    text: "Photograph both sides of the card: the machine-readable lines are usually on the back." },
  residence_permit: { sides: ["front", "back"], front: "Front of the permit", back: "Back of the permit", frame: "id1",
    text: "Photograph both sides of the residence permit card." },
  driving_licence: { sides: ["front"], optional: ["back"], front: "Front of the licence", back: "Back of the licence (optional)", frame: "id1",
    text: "Photograph the front of the licence; add the back if it has a barcode. Driving licences may need a manual review." },
  visa: { sides: ["front"], front: "Visa page", frame: "id3",
    text: "Photograph the page of your passport that holds the visa, including its machine-readable lines." },
};
const captured = { front: null, back: null };

function documentType() {
  return document.querySelector('input[name="documentType"]:checked').value;
}

function applyDocumentType() {
  const type = documentTypes[documentType()];
  $("document-instructions").innerHTML = `<p>${esc(type.text)}</p>`;
  $("slot-front-title").textContent = type.front;
  $("slot-back-title").textContent = type.back || "Back";
  $("slot-back").hidden = !(type.sides.includes("back") || type.optional?.includes("back"));
  if ($("slot-back").hidden) setCaptured("back", null);
  $("doc-frame").className = `frame ${type.frame}`;
  updateUploadButton();
}

function updateUploadButton() {
  const type = documentTypes[documentType()];
  $("doc-upload").disabled = !type.sides.every(s => captured[s]);
}

function setCaptured(side, blob, label) {
  const slot = $(`slot-${side}`);
  const figure = slot.querySelector("figure");
  const img = figure.querySelector("img");
  if (img.src.startsWith("blob:")) URL.revokeObjectURL(img.src);
  captured[side] = blob;
  if (blob) {
    img.src = URL.createObjectURL(blob);
    figure.querySelector("figcaption").textContent = label || "Captured";
    figure.hidden = false;
  } else {
    img.removeAttribute("src");
    figure.hidden = true;
    $(`file-${side}`).value = "";
  }
  updateUploadButton();
}

for (const radio of document.querySelectorAll('input[name="documentType"]')) radio.addEventListener("change", applyDocumentType);
for (const input of document.querySelectorAll("input[type=file][data-side]")) {
  input.addEventListener("change", () => {
    const file = input.files[0];
    if (file) setCaptured(input.dataset.side, file, `Chosen file: ${file.name}`);
  });
}

// The camera: rear camera preferred, an on-screen frame for the document, live hints from the video frames.
let cameraSide = "front";
let hintTimer = null;

async function startDocumentCamera(side) {
  cameraSide = side;
  const panel = $("camera-panel");
  panel.hidden = false;
  $("camera-title").textContent = `Camera: ${documentTypes[documentType()][side] || side}`;
  $("doc-hint").textContent = "Starting the camera…";
  try {
    await openCamera($("doc-video"), "environment");
  } catch (error) {
    panel.hidden = true;
    $("doc-progress").textContent = "";
    showError($("doc-result"), { message: `The camera could not be used (${error.message || error.name}). Upload a photo instead.`, code: "camera_unavailable" });
    $(`file-${side}`).focus();
    return;
  }
  $("camera-title").focus();
  let last = "";
  clearInterval(hintTimer);
  hintTimer = setInterval(() => {
    const hint = documentHint(measure($("doc-video")));
    // Only a change is announced: a live region repeating itself every half second would drown everything else.
    if (hint !== last) $("doc-hint").textContent = last = hint;
  }, 500);
}

function stopDocumentCamera() {
  clearInterval(hintTimer);
  hintTimer = null;
  closeCamera($("doc-video"));
  $("camera-panel").hidden = true;
}

for (const button of document.querySelectorAll("button[data-camera]")) {
  button.disabled = !cameraAvailable();
  if (!cameraAvailable()) button.title = "No camera is available in this browser: upload a photo instead.";
  button.addEventListener("click", () => startDocumentCamera(button.dataset.camera));
}
$("doc-shoot").addEventListener("click", async () => {
  const blob = await still($("doc-video"));
  const side = cameraSide;
  setCaptured(side, blob, `Taken with the camera (${$("doc-video").videoWidth}×${$("doc-video").videoHeight})`);
  stopDocumentCamera();
  const type = documentTypes[documentType()];
  const next = type.sides.find(s => !captured[s]);
  if (next) {
    $("doc-progress").textContent = `Photo taken. Now the ${(type[next] || next).toLowerCase()}.`;
    $(`slot-${next}`).querySelector("button").focus();
  } else {
    $("doc-progress").textContent = "Photo taken. Check it below, then send it.";
    $("doc-upload").focus();
  }
});
$("doc-camera-close").addEventListener("click", () => {
  stopDocumentCamera();
  $(`slot-${cameraSide}`).querySelector("button").focus();
});

$("doc-upload").addEventListener("click", async () => {
  const button = $("doc-upload");
  button.disabled = true;
  $("doc-result").innerHTML = "";
  $("doc-progress").textContent = "Checking your document… this can take a few seconds.";
  const form = new FormData();
  form.append("documentType", documentType());
  form.append("front", captured.front, "front.jpg");
  if (captured.back) form.append("back", captured.back, "back.jpg");
  try {
    const view = await api(`/v1/applicants/${encodeURIComponent(applicantId)}/documents`, {
      method: "POST", body: form, headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    $("doc-progress").textContent = "";
    setCaptured("front", null);
    setCaptured("back", null);
    route(view);
  } catch (error) {
    $("doc-progress").textContent = "";
    showError($("doc-result"), error);
    $("doc-result").insertAdjacentHTML("beforeend", `<p>Check the photo and try again.</p>`);
    updateUploadButton();
  }
});

// ---- selfie with the liveness challenge ---------------------------------------------------------------------------
const prompts = {
  turn_left: "Turn your head to the left",
  turn_right: "Turn your head to the right",
  look_up: "Look up",
  look_down: "Look down",
  blink: "Blink",
};
const MAX_FRAMES = 12; // the service's limit per challenge submission
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
let session = null;

async function captureFrames(video, count, interval, frames) {
  for (let i = 0; i < count && frames.length < MAX_FRAMES; i++) {
    frames.push({ at: new Date(), blob: await still(video, 0.85, 960) });
    if (i < count - 1) await sleep(interval);
  }
}

function prompt(text) {
  $("challenge-prompt").textContent = text;
}

async function runChallenge() {
  const video = $("selfie-video");
  $("challenge-start").disabled = true;
  $("selfie-take").hidden = true;
  $("challenge-result").innerHTML = "";
  try {
    $("selfie-viewfinder").hidden = false;
    prompt("Starting the camera…");
    await openCamera(video, "user");
    session = await api(`/v1/applicants/${encodeURIComponent(applicantId)}/liveness`, { method: "POST" });
    const steps = $("challenge-steps");
    steps.innerHTML = session.actions.map(a => `<li data-action="${esc(a)}">${esc(prompts[a] || a)}</li>`).join("");

    const frames = [];
    prompt("Look straight at the camera");
    await sleep(900);
    await captureFrames(video, 1, 0, frames);
    // Spread the remaining frames over the actions; a blink is quick, so its frames come faster.
    const perAction = Math.max(2, Math.floor((MAX_FRAMES - 1) / session.actions.length));
    for (const [i, action] of session.actions.entries()) {
      const item = steps.children[i];
      item.className = "current";
      item.setAttribute("aria-current", "step");
      prompt(`Step ${i + 1} of ${session.actions.length}: ${prompts[action] || action}`);
      await sleep(action === "blink" ? 500 : 900);
      await captureFrames(video, perAction, action === "blink" ? 150 : 350, frames);
      item.className = "done";
      item.removeAttribute("aria-current");
      if (action !== "blink") {
        prompt("Now look straight at the camera again");
        await sleep(600);
      }
    }
    prompt("Checking the movements…");
    const form = new FormData();
    form.append("nonce", session.nonce);
    frames.forEach((f, i) => form.append(`frame${i}`, f.blob, `frame${i}.jpg`));
    form.append("timestamps", JSON.stringify(frames.map(f => f.at.toISOString())));
    const result = await api(`/v1/applicants/${encodeURIComponent(applicantId)}/liveness/${encodeURIComponent(session.sessionId)}/frames`,
      { method: "POST", body: form });
    session.result = result;
    $("challenge-result").innerHTML = result.passed
      ? `<p class="ok" role="status">Movement check passed (${frames.length} frames).</p>`
      : `<div class="notice" role="alert"><p>We could not confirm the movements (${frames.length} frames sent).</p>
           <ul>${result.codes.map(c => `<li>${esc(challengeText(c))}</li>`).join("")}</ul>
           <p>You can try the check again, or continue with the selfie.</p></div>`;
    prompt("Look straight at the camera and take the selfie.");
    $("selfie-take").hidden = false;
    $("challenge-start").textContent = "Try the check again";
    $("selfie-take").focus();
  } catch (error) {
    prompt("");
    showError($("challenge-result"), error.status ? error : { message: `The camera could not be used (${error.message || error.name}).`, code: "camera_unavailable" });
  } finally {
    $("challenge-start").disabled = false;
  }
}

function challengeText(code) {
  if (code.startsWith("action_not_observed:")) return `We did not see: ${prompts[code.split(":")[1]] || code}.`;
  return {
    no_face_in_frame: "Your face was not visible in every picture: keep it inside the oval.",
    face_changed_between_frames: "The face changed during the check.",
    liveness_spoof_suspected: "The pictures did not look like a live person in front of the camera.",
    frames_stale: "The pictures were taken too late: start the check again.",
    challenge_expired: "The check took too long: start it again.",
  }[code] || code;
}

async function sendSelfie(blob) {
  $("selfie-result").innerHTML = "";
  $("selfie-progress").textContent = "Checking your selfie… this can take a few seconds.";
  const form = new FormData();
  form.append("selfie", blob, "selfie.jpg");
  if (session?.result) form.append("livenessSessionId", session.sessionId);
  try {
    const view = await api(`/v1/applicants/${encodeURIComponent(applicantId)}/selfie`, {
      method: "POST", body: form, headers: { "Idempotency-Key": crypto.randomUUID() },
    });
    $("selfie-progress").textContent = "";
    session = null;
    route(view);
  } catch (error) {
    $("selfie-progress").textContent = "";
    showError($("selfie-result"), error);
  }
}

$("challenge-start").addEventListener("click", runChallenge);
$("challenge-start").disabled = !cameraAvailable();
$("selfie-take").addEventListener("click", async () => {
  const blob = await still($("selfie-video"), 0.92, 1920);
  closeCamera($("selfie-video"));
  $("selfie-viewfinder").hidden = true;
  $("selfie-take").hidden = true;
  await sendSelfie(blob);
});
$("selfie-upload").addEventListener("click", () => {
  const file = $("selfie-file").files[0];
  if (!file) {
    showError($("selfie-result"), { message: "Choose a photo first.", code: "selfie_image_required" });
    return;
  }
  session = null;
  sendSelfie(file);
});

// ---- status -------------------------------------------------------------------------------------------------------
// Guidance the service gives for a retry comes with the view; final outcomes are explained from their reason codes.
const outcomeTexts = {
  document_expired: "The document you photographed has expired. A valid passport or identity card is needed.",
  applicant_under_minimum_age: "You must be of the minimum age to use this service.",
};
let pollTimer = null;

function stopPolling() {
  clearTimeout(pollTimer);
  pollTimer = null;
  $("polling").textContent = "";
}

function poll(ms) {
  stopPolling();
  $("polling").textContent = "· updates automatically";
  pollTimer = setTimeout(() => refresh().catch(error => showError($("page-error"), error)), ms);
}

function renderStatus(view) {
  const stage = view.stage;
  $("stage").textContent = stageNames[stage] || stage;
  $("stage").className = `badge ${stage}`;
  $("applicant-ref").textContent = view.applicantId;
  const actions = $("status-actions");
  actions.innerHTML = "";
  let outcome = "";
  let step = "checks";
  switch (stage) {
    case "UnderVerification":
      outcome = "<p>Thank you. We are running the last checks; this page updates by itself.</p>";
      poll(3000);
      break;
    case "ManualReview":
      outcome = "<p>A member of our team is reviewing your case. You do not need to do anything now; the service you are signing up with will tell you the result.</p>";
      poll(20000);
      break;
    case "Approved":
      step = "result";
      outcome = `<p class="ok"><strong>Your identity is verified.</strong> You can close this page.</p>`;
      break;
    case "Rejected": {
      step = "result";
      const reasons = [...new Set((view.reasonCodes || []).map(c => outcomeTexts[c]).filter(Boolean))];
      outcome = `<div role="alert"><p class="error"><strong>We could not verify your identity.</strong></p>
        ${reasons.length ? `<ul>${reasons.map(r => `<li>${esc(r)}</li>`).join("")}</ul>` : ""}
        <p>To try again with another document, contact the service that sent you the link: it can start a new verification.</p></div>`;
      break;
    }
    case "ReverificationDue":
    case "ConsentGiven":
      outcome = "<p>Your verification needs to be started again by the service you are signing up with. Ask it for a new link.</p>";
      break;
    case "Withdrawn":
      step = "result";
      outcome = "<p>You withdrew your consent: we have stopped processing your data.</p>";
      break;
    default:
      outcome = "";
  }
  $("outcome").innerHTML = outcome;
  const guidance = (view.guidance || []).map(g => `<li>${esc(g)}</li>`).join("");
  $("guidance").innerHTML = guidance ? `<h3>What to do</h3><ul role="alert">${guidance}</ul>` : "";
  show("status", step, stepsDone(view));
}

const stageNames = {
  UnderVerification: "Checking", ManualReview: "In review", Approved: "Verified", Rejected: "Not verified",
  ReverificationDue: "Needs a new verification", ConsentGiven: "Waiting to start", Withdrawn: "Withdrawn",
};

// ---- start --------------------------------------------------------------------------------------------------------
applyDocumentType();
if (applicantId) {
  refresh().catch(error => {
    if (error.status === 401) return; // the link problem is already shown
    if (error.status === 403 || error.status === 404) {
      linkProblem("This link does not match a verification in progress. Ask the service that sent it for a new link.");
      return;
    }
    showError($("page-error"), error);
  });
} else {
  show("start", "none");
}
addEventListener("pagehide", () => { stopPolling(); stopDocumentCamera(); closeCamera($("selfie-video")); });
