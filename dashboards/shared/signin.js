// The staff sign-in box: a bearer token pasted by the analyst or reviewer, kept in this tab's sessionStorage and sent
// only to this service. The page shows the token's role, tenant and expiry (read from the token, not trusted: the
// service checks the signature and the role on every call).
import { api, claims, esc, setToken, token, useToken } from "./api.js";

const $ = id => document.getElementById(id);

/**
 * Wires the sign-in box (#signin-form, #token-input, #signin-status, #who, #signout, #signin-error) and the workspace
 * (#workspace). <paramref name="onSignedIn"/> loads the page's data; <paramref name="probe"/> is a GET the page makes
 * without a token to find out whether the service runs with authentication off (local development).
 */
export function signIn({ storageKey, roles, onSignedIn, probe }) {
  let expiryTimer = null;

  function signedOut(message) {
    clearTimeout(expiryTimer);
    setToken(null);
    $("workspace").hidden = true;
    $("signin-status").hidden = true;
    $("signin-form").hidden = false;
    $("signin-error").innerHTML = message ? `<p class="error" role="alert">${esc(message)}</p>` : "";
  }

  useToken(storageKey, () => signedOut("The service refused the token (expired or not valid). Sign in again with a new token."));

  function signedIn() {
    const c = claims(token() || "");
    $("signin-form").hidden = true;
    $("signin-status").hidden = false;
    $("signin-error").innerHTML = "";
    if (c) {
      const expires = c.exp ? new Date(c.exp * 1000) : null;
      $("who").textContent = `${c.sub || "unknown"} · role ${c.role || "?"} · tenant ${c.tenant || "?"}${expires ? ` · until ${expires.toLocaleTimeString()}` : ""}`;
      if (c.role && !roles.includes(c.role)) {
        $("signin-error").innerHTML = `<p class="error" role="alert">This page is for the ${esc(roles.join(" or "))} role; the token is for '${esc(c.role)}', so the service will refuse most actions.</p>`;
      }
      clearTimeout(expiryTimer);
      if (expires) expiryTimer = setTimeout(() => signedOut("Your token expired. Sign in again with a new token."), Math.max(0, expires - Date.now()));
    } else {
      $("who").textContent = token() ? "a token the page cannot read (the service will check it)" : "local development (authentication off)";
    }
    $("workspace").hidden = false;
    onSignedIn();
  }

  $("signin-form").addEventListener("submit", e => {
    e.preventDefault();
    const value = $("token-input").value.trim().replace(/^Bearer\s+/i, "");
    if (!value) {
      $("signin-error").innerHTML = `<p class="error" role="alert">Paste a token first.</p>`;
      $("token-input").focus();
      return;
    }
    setToken(value);
    $("token-input").value = "";
    signedIn();
  });
  $("signout").addEventListener("click", () => {
    signedOut("");
    $("token-input").focus();
  });

  if (token()) {
    signedIn();
  } else {
    signedOut("");
    // With authentication off (Development only) the pages work without a token.
    api(probe).then(() => signedIn(), () => signedOut(""));
  }
}
