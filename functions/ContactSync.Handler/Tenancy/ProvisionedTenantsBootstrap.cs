using ContactSync.Handler.Options;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Tenancy;

/// <summary>
/// Saves the tenants the deployment lists (infra/tenants.parameters.json → <c>Tenants__{i}__*</c> app settings) into the
/// tenants table at start, so adding a tenant is one entry and one deployment (M27). The credential stays in
/// configuration (a resolved Key Vault reference): the tenant row names the setting that holds it, never the value.
/// A provisioned tenant's API key is created here and never shown; the admin key manages it. A changed time zone
/// reschedules the tenant's targets.
/// </summary>
public sealed class ProvisionedTenantsBootstrap(
    IOptions<ProvisionedTenantsOptions> options, TenantStore tenants, Sync.TenantZoneChange zoneChange,
    ILogger<ProvisionedTenantsBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        for (var i = 0; i < options.Value.Count; i++)
        {
            var tenant = ToTenant(options.Value[i], i);
            try
            {
                var before = await tenants.GetAsync(tenant.Id, ct);
                var saved = await tenants.SaveAsync(tenant, ct);
                if (saved.IsOk)
                {
                    log.LogInformation("Provisioned tenant {TenantId} {Action}", tenant.Id, saved.Value!.Created ? "created" : "updated");
                    await zoneChange.ApplyAsync(before, saved.Value.Tenant, ct); // a deployment may move the tenant's zone
                }
                else
                    log.LogError("Provisioned tenant {TenantId} was not saved: {Problem}", tenant.Id,
                        saved.Message ?? string.Join("; ", saved.Errors?.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []));
            }
            catch (Exception e) when (e is StorageException or HttpRequestException or AggregateException)
            {
                log.LogError(e, "Storage is not reachable at start; provisioned tenant {TenantId} not saved", tenant.Id);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The tenant row for entry <paramref name="index"/>; its secret reference is the setting name
    /// <c>Tenants:{index}:ClientSecret</c> (or <c>ClientCertificate</c>), which the Graph client reads at run time.</summary>
    public static Tenant ToTenant(ProvisionedTenant p, int index)
    {
        var certificate = !string.IsNullOrEmpty(p.ClientCertificate);
        var setting = $"{ProvisionedTenantsOptions.Section}:{index}:" +
                      (certificate ? nameof(ProvisionedTenant.ClientCertificate) : nameof(ProvisionedTenant.ClientSecret));
        return new Tenant(p.Id, p.DisplayName, p.DefaultRegion, p.TimeZone,
            new GraphSettings(p.EntraTenantId, p.ClientId, certificate ? CredentialKind.Certificate : CredentialKind.ClientSecret, setting));
    }
}
