using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ContactSync.Graph.Client;

/// <summary>Bearer tokens for the Graph SDK from any Azure.Identity credential, for the one host the tenant's settings
/// name (Graph, or the sandbox over plain http on loopback, which the SDK's own provider refuses).</summary>
public sealed class TokenCredentialTokenProvider(TokenCredential credential, string scope, string host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        if (!AllowedHostsValidator.IsUrlHostValid(uri)) return string.Empty;
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        return token.Token;
    }
}
