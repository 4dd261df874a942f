// Thin fetch wrapper for the pages: JSON (or multipart) in, JSON out, the bearer token of the page's sign-in on every
// call, and ProblemDetails turned into an Error the page can show.
export class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `The service answered HTTP ${status}.`);
    this.status = status;
    this.code = problem?.code || `http_${status}`;
    this.fields = problem?.errors || {};
  }
}

// Where this page keeps its bearer token (sessionStorage: gone when the tab closes, never sent to other origins).
let tokenKey = null;
let onUnauthorized = null;

/** Chooses the sessionStorage key holding this page's token, and what to do when the service refuses it. */
export function useToken(key, unauthorized) {
  tokenKey = key;
  onUnauthorized = unauthorized || null;
}

export function token() {
  return tokenKey ? sessionStorage.getItem(tokenKey) : null;
}

export function setToken(value) {
  if (!tokenKey) return;
  if (value) sessionStorage.setItem(tokenKey, value);
  else sessionStorage.removeItem(tokenKey);
}

function authHeaders() {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

async function send(path, { method = "GET", body, headers = {} } = {}) {
  const multipart = typeof FormData !== "undefined" && body instanceof FormData;
  const response = await fetch(path, {
    method,
    headers: {
      Accept: "application/json",
      ...(body !== undefined && !multipart ? { "Content-Type": "application/json" } : {}),
      ...authHeaders(),
      ...headers,
    },
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    credentials: "omit",
    cache: "no-store",
  });
  if (response.status === 401 && onUnauthorized) onUnauthorized();
  return response;
}

export async function api(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

/** Fetches a binary resource (evidence image) with the token and returns an object URL the caller must revoke. */
export async function objectUrl(path) {
  const response = await send(path, { headers: { Accept: "image/*" } });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(problem, response.status);
  }
  return URL.createObjectURL(await response.blob());
}

/** The claims of a JWT, for display only (the service verifies the signature; the page never trusts this). */
export function claims(jwt) {
  try {
    const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(Array.from(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, "=")),
      c => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

// Escapes text for insertion into HTML built from strings.
export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "—";
}

export function showError(target, error) {
  const fields = Object.entries(error.fields || {}).map(([k, v]) => `<li>${esc(k)}: ${esc(v)}</li>`).join("");
  target.innerHTML = `<p class="error" role="alert">${esc(error.message)} <span class="hint">(${esc(error.code || "error")})</span></p>${fields ? `<ul>${fields}</ul>` : ""}`;
}
