using EKyc.Streaming.Nats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Orleans.Hosting;

/// <summary>Registers the NATS JetStream stream provider on a silo (producers and pulling agents) or a client (producers).</summary>
public static class NatsStreamsHostingExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="providerName"/> on NATS JetStream. The silo's pulling
    /// agents read the queues; grains produce through it too. <paramref name="configureStream"/> reaches the usual
    /// persistent-stream settings (pub/sub type, pulling agent, queue balancer).
    /// </summary>
    public static ISiloBuilder AddNatsStreams(
        this ISiloBuilder builder,
        string providerName,
        Action<NatsStreamOptions> configureOptions,
        Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddServices(builder.Services, providerName, configureOptions);
        NatsStreamLag.Register(builder.Services, providerName);
        return builder.AddPersistentStreams(providerName, NatsQueueAdapterFactory.Create, configurator => configureStream?.Invoke(configurator));
    }

    /// <summary>
    /// Adds the same provider to an external client (e.g. an API-only process). Persistent-stream producers on a client
    /// publish straight to the queue through the adapter, so a client that produces needs it registered, with the
    /// same options as the silos.
    /// </summary>
    public static IClientBuilder AddNatsStreams(
        this IClientBuilder builder,
        string providerName,
        Action<NatsStreamOptions> configureOptions,
        Action<IClusterClientPersistentStreamConfigurator>? configureStream = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddServices(builder.Services, providerName, configureOptions);
        return builder.AddPersistentStreams(providerName, NatsQueueAdapterFactory.Create, configurator => configureStream?.Invoke(configurator));
    }

    private static void AddServices(IServiceCollection services, string providerName, Action<NatsStreamOptions> configureOptions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.Configure(providerName, configureOptions);
        services.AddTransient<IConfigurationValidator>(sp => new NatsStreamOptionsValidator(sp.GetOptionsByName<NatsStreamOptions>(providerName), providerName));
        services.TryAddKeyedSingleton(providerName, (sp, _) => new NatsJetStreamTransport(
            providerName, sp.GetOptionsByName<NatsStreamOptions>(providerName), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddKeyedSingleton(providerName, (sp, _) => new NatsStreamCheckpoints(
            sp.GetRequiredKeyedService<NatsJetStreamTransport>(providerName), sp.GetRequiredService<ILoggerFactory>()));
    }
}
