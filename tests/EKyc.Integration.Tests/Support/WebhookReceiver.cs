using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EKyc.Integration.Tests.Support;

/// <summary>A client platform's webhook endpoint on a real loopback socket: records deliveries, can be told to fail.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public sealed record Received(string Signature, string EventId, string EventType, byte[] Body);

    public ConcurrentQueue<Received> Deliveries { get; } = new();

    private volatile bool _failing;
    private int _refused;

    /// <summary>While set, the endpoint answers 503 (and records nothing).</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public int Refused => Volatile.Read(ref _refused);

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext http) =>
        {
            if (Failing)
            {
                Interlocked.Increment(ref _refused);
                return Results.StatusCode(503);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            Deliveries.Enqueue(new Received(http.Request.Headers["EKyc-Signature"].ToString(), http.Request.Headers["EKyc-Event-Id"].ToString(),
                http.Request.Headers["EKyc-Event-Type"].ToString(), buffer.ToArray()));
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
