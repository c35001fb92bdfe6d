namespace ContactSync.Hub.Tenants;

/// <summary>A customer organisation (M26): its own Graph app registration, default phone region (ISO 3166 alpha-2, one
/// the engine's calling-code table knows) and time zone (IANA or Windows id).</summary>
public sealed record Tenant(string Id, string DisplayName, string DefaultRegion, string TimeZone, GraphSettings Graph);

public enum CredentialKind { ClientSecret, Certificate, ManagedIdentity }

/// <param name="EntraTenantId">The Entra (directory) tenant: a GUID or a verified domain.</param>
/// <param name="ClientId">The app registration's (or user-assigned identity's) client id; optional for a system-assigned identity.</param>
/// <param name="SecretReference">Where the secret or certificate lives: a Key Vault secret URI
/// (<c>https://{vault}.vault.azure.net/secrets/{name}</c>) or the name of a local app setting. Never the secret itself.</param>
/// <param name="BaseUrl">Graph's base URL when not the public cloud (the sandbox in development), e.g. <c>http://127.0.0.1:5100</c>.</param>
public sealed record GraphSettings(
    string EntraTenantId, string? ClientId, CredentialKind CredentialKind, string? SecretReference = null, string? BaseUrl = null);

/// <summary>A tenant as saved: <see cref="ApiKey"/> is set only when the tenant was created (or its key rotated) by this
/// call; it is shown once and only its hash is kept.</summary>
public sealed record TenantSaved(Tenant Tenant, bool Created, string? ApiKey);
