using System.Text;

namespace ContactSync.Graph.Configuration;

/// <summary>How the service signs in to one tenant's Graph.</summary>
public enum GraphCredentialKind { ClientSecret, Certificate, ManagedIdentity, Sandbox }

/// <summary>
/// One tenant's Graph connection (M26). <see cref="BaseUrl"/> is Graph's root without the version
/// (<c>https://graph.microsoft.com</c>, or the sandbox's <c>http://127.0.0.1:7072</c>). Secrets are redacted from
/// <see cref="ToString"/> so that logging the settings never leaks them.
/// </summary>
public sealed record GraphTenantSettings
{
    public const string GraphBaseUrl = "https://graph.microsoft.com";

    public required string TenantId { get; init; }
    public required string ClientId { get; init; }
    public GraphCredentialKind Credential { get; init; } = GraphCredentialKind.ClientSecret;
    public string? ClientSecret { get; init; }
    /// <summary>A PFX file; or <see cref="CertificateBase64"/> (the PFX bytes, as a Key Vault certificate secret holds them).</summary>
    public string? CertificatePath { get; init; }
    public string? CertificateBase64 { get; init; }
    public string? CertificatePassword { get; init; }
    /// <summary>The client id of a user-assigned managed identity; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }
    public string BaseUrl { get; init; } = GraphBaseUrl;

    /// <summary>The versioned root the Graph SDK calls (<c>{BaseUrl}/v1.0</c>).</summary>
    public string VersionedBaseUrl => BaseUrl.TrimEnd('/') + "/v1.0";

    /// <summary>The token scope: the app permissions granted to this app on the Graph resource.</summary>
    public string Scope => (Credential == GraphCredentialKind.Sandbox ? BaseUrl.TrimEnd('/') : GraphBaseUrl) + "/.default";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TenantId = {TenantId}, ClientId = {ClientId}, Credential = {Credential}, BaseUrl = {BaseUrl}");
        if (ClientSecret is not null) builder.Append(", ClientSecret = ***");
        if (CertificatePath is not null) builder.Append($", CertificatePath = {CertificatePath}");
        if (CertificateBase64 is not null) builder.Append(", CertificateBase64 = ***");
        if (CertificatePassword is not null) builder.Append(", CertificatePassword = ***");
        if (ManagedIdentityClientId is not null) builder.Append($", ManagedIdentityClientId = {ManagedIdentityClientId}");
        return true;
    }
}
