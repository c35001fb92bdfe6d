using ContactSync.Hub.Tenants;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Tenants;

public class TenantStoreTests
{
    internal static Tenant Sample(string id) => new(id, "Contoso Polska", "pl", "Europe/Warsaw",
        new GraphSettings("contoso.onmicrosoft.com", "3f1b2c4d-0000-4000-8000-123456789abc", CredentialKind.ClientSecret,
            "https://contoso-kv.vault.azure.net/secrets/graph-secret", "http://127.0.0.1:5100"));

    [Fact]
    public async Task Creating_a_tenant_returns_its_key_once_and_stores_only_the_hash()
    {
        var hub = await TestHub.CreateAsync();
        var created = await hub.Tenants.SaveAsync(Sample(hub.TenantId));
        Assert.True(created.IsOk, created.ToString());
        Assert.True(created.Value!.Created);
        var key = created.Value.ApiKey!;
        var row = await hub.Tables.GetAsync(HubTables.Tenants, "tenant", hub.TenantId);
        Assert.NotNull(row);
        Assert.Equal(ApiKeys.Hash(key), row.GetString("apiKeyHash"));
        Assert.DoesNotContain(row.Properties.Values.OfType<string>(), v => v.Contains(key[(hub.TenantId.Length + 1)..]));
        Assert.Equal("PL", (await hub.Tenants.GetAsync(hub.TenantId))!.DefaultRegion);

        var updated = await hub.Tenants.SaveAsync(Sample(hub.TenantId) with { DisplayName = "Contoso Sp. z o.o." });
        Assert.False(updated.Value!.Created);
        Assert.Null(updated.Value.ApiKey);
        Assert.Equal("Contoso Sp. z o.o.", (await hub.Tenants.GetAsync(hub.TenantId))!.DisplayName);
        Assert.Equal(hub.TenantId, await hub.Tenants.AuthenticateAsync(key));
    }

    [Fact]
    public async Task A_key_is_accepted_only_for_its_own_tenant_and_a_rotated_key_stops_working()
    {
        var hub = await TestHub.CreateAsync();
        var a = (await hub.Tenants.SaveAsync(Sample(hub.TenantId))).Value!.ApiKey!;
        var b = (await hub.Tenants.SaveAsync(Sample(hub.TenantId + "b"))).Value!.ApiKey!;
        Assert.True(await hub.Tenants.VerifyKeyAsync(hub.TenantId, a));
        Assert.False(await hub.Tenants.VerifyKeyAsync(hub.TenantId, b));
        Assert.False(await hub.Tenants.VerifyKeyAsync(hub.TenantId + "b", a));
        // A forged key that names tenant a but carries b's secret part.
        Assert.Null(await hub.Tenants.AuthenticateAsync(hub.TenantId + b[b.LastIndexOf('.')..]));

        var rotated = await hub.Tenants.RotateKeyAsync(hub.TenantId);
        Assert.True(rotated.IsOk);
        Assert.False(await hub.Tenants.VerifyKeyAsync(hub.TenantId, a));
        Assert.True(await hub.Tenants.VerifyKeyAsync(hub.TenantId, rotated.Value));
        Assert.Equal("Contoso Polska", (await hub.Tenants.GetAsync(hub.TenantId))!.DisplayName);
        Assert.Equal(OutcomeKind.NotFound, (await hub.Tenants.RotateKeyAsync("nobody")).Kind);
    }

    [Theory]
    [InlineData("defaultRegion")]
    [InlineData("timeZone")]
    [InlineData("graph.secretReference")]
    [InlineData("graph.clientId")]
    [InlineData("graph.entraTenantId")]
    [InlineData("graph.baseUrl")]
    [InlineData("id")]
    public async Task Bad_settings_are_refused_per_field(string field)
    {
        var hub = await TestHub.CreateAsync();
        var t = Sample(hub.TenantId);
        t = field switch
        {
            "defaultRegion" => t with { DefaultRegion = "XX" },
            "timeZone" => t with { TimeZone = "Mars/Olympus" },
            // A secret pasted where the reference goes.
            "graph.secretReference" => t with { Graph = t.Graph with { SecretReference = "Xy8~Q_abc.def+ghi/jkl==" } },
            "graph.clientId" => t with { Graph = t.Graph with { ClientId = "not-a-guid" } },
            "graph.entraTenantId" => t with { Graph = t.Graph with { EntraTenantId = "contoso" } },
            "graph.baseUrl" => t with { Graph = t.Graph with { BaseUrl = "ftp://x" } },
            _ => t with { Id = "bad id" },
        };
        var saved = await hub.Tenants.SaveAsync(t);
        Assert.Equal(OutcomeKind.Invalid, saved.Kind);
        Assert.Equal([field], saved.Errors!.Errors.Keys);
        Assert.Empty(await hub.Tables.QueryAsync(HubTables.Tenants, new(Storage.TableFilter.Partition("tenant"))).ToListAsync());
    }

    [Fact]
    public void Windows_time_zones_app_settings_and_managed_identities_are_accepted()
    {
        var t = Sample("t1") with { TimeZone = "Central European Standard Time" };
        Assert.True(TenantValidator.Validate(t with { Graph = t.Graph with { SecretReference = "Graph:ContosoSecret" } }).IsValid);
        Assert.True(TenantValidator.Validate(t with { Graph = new GraphSettings(Guid.NewGuid().ToString(), null, CredentialKind.ManagedIdentity) }).IsValid);
        var mi = TenantValidator.Validate(t with { Graph = new GraphSettings(Guid.NewGuid().ToString(), null, CredentialKind.ManagedIdentity, "SomeSetting") });
        Assert.Contains("graph.secretReference", mi.Errors.Keys);
    }
}
