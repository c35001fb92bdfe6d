using Azure.Core;

namespace ContactSync.Graph.Configuration;

/// <summary>The Graph sandbox's bearer token (<c>sandbox.{tenantId}.{appId}</c>, see the sandbox's README): it stands
/// in for Entra ID so that the connector runs the same token path against the sandbox as against Graph.</summary>
public sealed class SandboxTokenCredential(string tenantId, string appId) : TokenCredential
{
    public string Token { get; } = $"sandbox.{tenantId}.{appId}";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
