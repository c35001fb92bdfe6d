using System.Collections.Concurrent;
using ContactSync.Graph.Client;
using ContactSync.Graph.Configuration;
using ContactSync.Handler.Jobs;
using ContactSync.Hub.Tenants;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Sync;

/// <summary>One <see cref="GraphTenantClient"/> per tenant (it owns that app's per-mailbox limiter, so every job of the
/// tenant shares it), rebuilt when the tenant's settings change. The credential's secret is read from configuration
/// under the tenant's reference: in Azure an app setting holding a Key Vault reference (the platform resolves it), in
/// development a local setting. A Key Vault secret URI reference names the setting by its secret name. Never logged.</summary>
public sealed class GraphClients(IConfiguration config, IOptions<SyncSettings> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, (GraphTenantSettings Settings, GraphTenantClient Client)> _clients = new(StringComparer.Ordinal);

    public GraphTenantClient For(Tenant tenant)
    {
        var settings = SettingsFor(tenant);
        var entry = _clients.AddOrUpdate(tenant.Id, _ => (settings, GraphTenantClient.Create(settings)),
            (_, old) => old.Settings == settings ? old : (settings, GraphTenantClient.Create(settings)));
        return entry.Client;
    }

    public GraphTenantSettings SettingsFor(Tenant tenant)
    {
        var g = tenant.Graph;
        var o = options.Value;
        var baseUrl = o.GraphBaseUrl is { Length: > 0 } overridden ? overridden : g.BaseUrl ?? GraphTenantSettings.GraphBaseUrl;
        var settings = new GraphTenantSettings { TenantId = g.EntraTenantId, ClientId = g.ClientId ?? "", BaseUrl = baseUrl };
        if (o.GraphSandbox) return settings with { Credential = GraphCredentialKind.Sandbox };
        return g.CredentialKind switch
        {
            CredentialKind.ManagedIdentity => settings with { Credential = GraphCredentialKind.ManagedIdentity, ManagedIdentityClientId = g.ClientId },
            CredentialKind.Certificate => settings with { Credential = GraphCredentialKind.Certificate, CertificateBase64 = Secret(tenant) },
            _ => settings with { Credential = GraphCredentialKind.ClientSecret, ClientSecret = Secret(tenant) },
        };
    }

    private string Secret(Tenant tenant)
    {
        var reference = tenant.Graph.SecretReference
            ?? throw new JobFailedException($"Tenant '{tenant.Id}' has no Graph credential reference (graph.secretReference).");
        var setting = SettingName(reference);
        return config[setting] is { Length: > 0 } secret
            ? secret
            : throw new JobFailedException($"The Graph credential of tenant '{tenant.Id}' is not configured: no app setting '{setting}'.");
    }

    /// <summary><c>https://{vault}.vault.azure.net/secrets/{name}[/{version}]</c> → <c>name</c>; anything else is the setting name.</summary>
    public static string SettingName(string reference)
    {
        if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri)) return reference;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "secrets");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : reference;
    }

    public void Dispose()
    {
        foreach (var (_, client) in _clients.Values) client.Dispose();
    }
}
