using Microsoft.Playwright;

namespace EKyc.Browser.Tests;

/// <summary>
/// A page-level accessibility check written for these pages (no third-party scripts): language set, one h1, every
/// form control labelled, every image described, buttons named, and no positive tabindex.
/// </summary>
internal static class Accessibility
{
    private const string Script = """
        () => {
          const problems = [];
          if (!document.documentElement.lang) problems.push('html has no lang');
          if (document.querySelectorAll('h1').length !== 1) problems.push('expected exactly one h1');
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (el.offsetParent === null) continue;
            const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (!labelled) problems.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
          }
          for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push(`img without alt ${img.src}`);
          for (const b of document.querySelectorAll('button')) if (!b.textContent.trim() && !b.getAttribute('aria-label')) problems.push('button without a name');
          for (const el of document.querySelectorAll('[tabindex]')) if (parseInt(el.getAttribute('tabindex'), 10) > 0) problems.push('positive tabindex');
          return problems;
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, string.Join("; ", problems));
    }
}
