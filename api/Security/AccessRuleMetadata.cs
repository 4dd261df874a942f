using Microsoft.AspNetCore.Builder;

namespace EKyc.Api.Security;

/// <summary>
/// Puts endpoints outside /v1 (the Orleans Dashboard's, mapped by a library as many endpoints without names of their
/// own) under one rule of <see cref="EndpointAccess"/>; access control then treats them like any /v1 endpoint.
/// </summary>
public sealed record AccessRuleMetadata(string Rule);

public static class AccessRuleExtensions
{
    public static TBuilder RequireEndpointAccess<TBuilder>(this TBuilder builder, string rule) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!EndpointAccess.Rules.ContainsKey(rule)) throw new ArgumentException($"'{rule}' is not a rule of EndpointAccess.", nameof(rule));
        return builder.WithMetadata(new AccessRuleMetadata(rule));
    }
}
