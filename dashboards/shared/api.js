// Thin fetch wrapper for the pages: JSON in, JSON out, and ProblemDetails turned into an Error the page can show.
export class ApiError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || `http_${status}`;
    this.fields = problem?.errors || {};
  }
}

export async function api(path, { method = "GET", body, headers = {} } = {}) {
  const response = await fetch(path, {
    method,
    headers: { Accept: "application/json", ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
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
  target.innerHTML = `<p class="error" role="alert">${esc(error.message)} <span class="hint">(${esc(error.code)})</span></p>${fields ? `<ul>${fields}</ul>` : ""}`;
}
