using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Tenants;

/// <summary>Tenants in the <c>tenants</c> table (PartitionKey <c>tenant</c>, RowKey = tenant id) with their API key
/// hash. The secret reference is stored; the secret never is.</summary>
public sealed class TenantStore(ITableStore tables)
{
    private const string Partition = "tenant";
    private const string KeyHash = "apiKeyHash";

    /// <summary>Creates the tenant (returning its new API key once) or updates it (its key unchanged).</summary>
    public async Task<Outcome<TenantSaved>> SaveAsync(Tenant tenant, CancellationToken ct = default)
    {
        var errors = TenantValidator.Validate(tenant);
        if (!errors.IsValid) return Outcome<TenantSaved>.Invalid(errors);
        tenant = tenant with { DefaultRegion = tenant.DefaultRegion.ToUpperInvariant(), DisplayName = tenant.DisplayName.Trim() };
        var existing = await tables.GetAsync(HubTables.Tenants, Partition, tenant.Id, ct);
        try
        {
            if (existing is null)
            {
                var key = ApiKeys.New(tenant.Id);
                await tables.InsertAsync(HubTables.Tenants, TenantEntity.From(tenant, ApiKeys.Hash(key)), ct);
                return Outcome<TenantSaved>.Ok(new(tenant, Created: true, key));
            }
            await tables.UpdateAsync(HubTables.Tenants, TenantEntity.From(tenant, existing.GetString(KeyHash)), existing.ETag!, ct: ct);
            return Outcome<TenantSaved>.Ok(new(tenant, Created: false, null));
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
        {
            return Outcome<TenantSaved>.Conflict($"Tenant '{tenant.Id}' was changed by another request at the same time; try again.");
        }
    }

    public async Task<Tenant?> GetAsync(string tenantId, CancellationToken ct = default) =>
        Ids.IsValid(tenantId) && await tables.GetAsync(HubTables.Tenants, Partition, tenantId, ct) is { } e ? TenantEntity.ToTenant(e) : null;

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Tenant>();
        await foreach (var e in tables.QueryAsync(HubTables.Tenants, new TableQuery(TableFilter.Partition(Partition)), ct))
            list.Add(TenantEntity.ToTenant(e));
        return list;
    }

    /// <summary>Replaces the tenant's API key with a new one, returned once; the old key stops working.</summary>
    public async Task<Outcome<string>> RotateKeyAsync(string tenantId, CancellationToken ct = default)
    {
        if (!Ids.IsValid(tenantId) || await tables.GetAsync(HubTables.Tenants, Partition, tenantId, ct) is not { } e)
            return Outcome<string>.NotFound($"Tenant '{tenantId}' does not exist.");
        var key = ApiKeys.New(tenantId);
        var patch = new TableEntity(Partition, tenantId) { [KeyHash] = ApiKeys.Hash(key) };
        try
        {
            await tables.UpdateAsync(HubTables.Tenants, patch, e.ETag!, WriteMode.Merge, ct);
        }
        catch (StorageException x) when (x.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound)
        {
            return Outcome<string>.Conflict($"Tenant '{tenantId}' was changed by another request at the same time; try again.");
        }
        return Outcome<string>.Ok(key);
    }

    /// <summary>The tenant the key belongs to, or null when the key is not a current key of any tenant. The key names
    /// its tenant, so this is one point read.</summary>
    public async Task<string?> AuthenticateAsync(string? apiKey, CancellationToken ct = default)
    {
        var tenantId = ApiKeys.TenantOf(apiKey);
        if (!Ids.IsValid(tenantId)) return null;
        var e = await tables.GetAsync(HubTables.Tenants, Partition, tenantId!, ct);
        return e is not null && ApiKeys.Verify(apiKey, e.GetString(KeyHash)) ? tenantId : null;
    }

    /// <summary>Whether <paramref name="apiKey"/> is the current key of <paramref name="tenantId"/> (a key for another
    /// tenant is not).</summary>
    public async Task<bool> VerifyKeyAsync(string tenantId, string? apiKey, CancellationToken ct = default) =>
        await AuthenticateAsync(apiKey, ct) is { } owner && string.Equals(owner, tenantId, StringComparison.Ordinal);
}
