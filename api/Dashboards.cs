using EKyc.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EKyc.Api;

/// <summary>Settings of the web pages; section <c>Dashboards</c>.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// Serve the analyst and reviewer pages. Off by default outside Development until staff sign-in exists, because
    /// they show applicants' data to whoever can reach them.
    /// </summary>
    public bool? StaffPages { get; set; }
}

/// <summary>Serves <c>dashboards/</c> under <c>/app</c> with a strict content-security policy.</summary>
internal static class Dashboards
{
    private static readonly string[] StaffPaths = ["/app/analyst", "/app/reviewer"];

    public static void UseDashboards(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "dashboards");
        if (!Directory.Exists(root)) return;
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var staffEnabled = options.StaffPages ?? app.Environment.IsDevelopment();

        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/app"))
            {
                if (!staffEnabled && StaffPaths.Any(p => path.StartsWithSegments(p)))
                {
                    await Problems.Result(404, "staff_pages_disabled", "Staff pages are disabled on this deployment (Dashboards:StaffPages).").ExecuteAsync(context);
                    return;
                }
                // No third-party origins: scripts, styles and data come from this service only.
                context.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
            }
            await next(context);
        });
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/app" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = "/app" });
    }
}
