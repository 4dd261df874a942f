using Microsoft.Playwright;

namespace EKyc.Browser.Tests;

/// <summary>
/// A page-level accessibility check written for these pages (no third-party scripts): language set, one h1, every
/// visible form control labelled, every image described, buttons named, no positive tabindex, ARIA references that
/// resolve, and text contrast of at least WCAG AA (4.5:1, or 3:1 for large text) against its composited background.
/// </summary>
internal static class Accessibility
{
    private const string Script = """
        () => {
          const problems = [];
          const visible = el => !!(el.offsetParent || el.getClientRects().length) && getComputedStyle(el).visibility !== 'hidden';
          if (!document.documentElement.lang) problems.push('html has no lang');
          if (document.querySelectorAll('h1').length !== 1) problems.push('expected exactly one h1');
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!visible(el)) continue;
            const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
          }
          for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push(`img without alt ${img.src}`);
          for (const svg of document.querySelectorAll('svg')) if (!svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby') && svg.getAttribute('aria-hidden') !== 'true') problems.push('svg without a name');
          for (const b of document.querySelectorAll('button')) if (!b.textContent.trim() && !b.getAttribute('aria-label')) problems.push('button without a name');
          for (const el of document.querySelectorAll('[tabindex]')) if (parseInt(el.getAttribute('tabindex'), 10) > 0) problems.push('positive tabindex');
          for (const el of document.querySelectorAll('[aria-labelledby], [aria-describedby]')) {
            for (const attr of ['aria-labelledby', 'aria-describedby']) {
              for (const id of (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean)) if (!document.getElementById(id)) problems.push(`${attr} points at missing #${id}`);
            }
          }

          const parse = c => { const m = /rgba?\(([^)]+)\)/.exec(c); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const over = (top, base) => ({ r: top.r * top.a + base.r * (1 - top.a), g: top.g * top.a + base.g * (1 - top.a), b: top.b * top.a + base.b * (1 - top.a), a: 1 });
          const background = el => {
            const layers = [];
            for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            return layers.reverse().reduce((base, layer) => over(layer, base), { r: 255, g: 255, b: 255, a: 1 });
          };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          for (const el of document.body.querySelectorAll('*')) {
            if (el.closest('svg, video, .skip') || !visible(el) || el.disabled) continue;
            const text = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            if (!text) continue;
            const style = getComputedStyle(el);
            const bg = background(el);
            const fg = over(parse(style.color), bg);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            const r = ratio(fg, bg);
            if (r < needed) problems.push(`contrast ${r.toFixed(2)} < ${needed} on <${el.tagName.toLowerCase()}> "${el.textContent.trim().slice(0, 40)}"`);
          }
          return problems;
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, $"{page.Url}: {string.Join("; ", problems)}");
    }
}
