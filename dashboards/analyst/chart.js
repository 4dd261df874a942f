// The anomaly-score timeline as an SVG line chart: no library, no inline styles (the stylesheet colours it).
import { esc } from "../shared/api.js";

const W = 640, H = 240, LEFT = 44, RIGHT = 16, TOP = 16, BOTTOM = 40;

/**
 * Returns the SVG markup for the points ({at, score, eventId}), oldest first. Scores are in [0, 1); the flag threshold
 * (when known) is drawn as a dashed line and points at or above it are marked.
 */
export function scoreChart(points, { threshold = null, titleId, descId } = {}) {
  const times = points.map(p => new Date(p.at).getTime());
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const span = t1 - t0 || 1;
  const x = t => points.length === 1 ? LEFT + (W - LEFT - RIGHT) / 2 : LEFT + ((t - t0) / span) * (W - LEFT - RIGHT);
  const y = s => TOP + (1 - Math.max(0, Math.min(1, s))) * (H - TOP - BOTTOM);
  const parts = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(tick)}" y2="${y(tick)}"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${y(tick) + 4}" text-anchor="end">${tick.toFixed(2)}</text>`);
  }
  parts.push(`<line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${H - BOTTOM}"/>`);
  parts.push(`<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}"/>`);
  const label = t => new Date(t).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  parts.push(`<text x="${LEFT}" y="${H - BOTTOM + 18}" text-anchor="start">${esc(label(t0))}</text>`);
  if (t1 !== t0) parts.push(`<text x="${W - RIGHT}" y="${H - BOTTOM + 18}" text-anchor="end">${esc(label(t1))}</text>`);
  parts.push(`<text x="${(W + LEFT) / 2}" y="${H - 6}" text-anchor="middle">time of the scored event</text>`);
  if (threshold != null) {
    parts.push(`<line class="threshold" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(threshold)}" y2="${y(threshold)}"/>`);
    parts.push(`<text x="${W - RIGHT}" y="${y(threshold) - 5}" text-anchor="end">flag threshold ${Number(threshold).toFixed(2)}</text>`);
  }
  if (points.length > 1) {
    parts.push(`<polyline class="line" points="${points.map((p, i) => `${x(times[i]).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ")}"/>`);
  }
  points.forEach((p, i) => {
    const high = threshold != null && p.score >= threshold;
    parts.push(`<circle class="point${high ? " high" : ""}" cx="${x(times[i]).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="${high ? 5 : 4}">`
      + `<title>${esc(new Date(p.at).toLocaleString())}: score ${Number(p.score).toFixed(3)} (event ${esc(p.eventId)})</title></circle>`);
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
