using ContactSync.Handler.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactSync.Infra.Tests;

/// <summary>ProvisionedTenantsOptions bound the way the app binds it, from app settings shaped like the deployment's.</summary>
public sealed class ProvisionedTenantsOptionsTests
{
    private static readonly Dictionary<string, string?> Contoso = new()
    {
        ["Tenants__0__Id"] = "contoso.eu_1",
        ["Tenants__0__DisplayName"] = "Contoso",
        ["Tenants__0__EntraTenantId"] = "11111111-2222-3333-4444-555555555555",
        ["Tenants__0__ClientId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        ["Tenants__0__ClientSecret"] = "s3cr3t~value",
        ["Tenants__0__DefaultRegion"] = "PL",
        ["Tenants__0__TimeZone"] = "Europe/Warsaw",
    };

    /// <summary>Binds and validates as the handler does at start; the failures, or none.</summary>
    public static (ProvisionedTenantsOptions? Value, IReadOnlyList<string> Failures) Bind(IDictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(p => p.Key.Replace("__", ":"), p => p.Value)).Build();
        using var provider = new ServiceCollection()
            .AddOptions<ProvisionedTenantsOptions>().Bind(config.GetSection(ProvisionedTenantsOptions.Section))
            .ValidateDataAnnotations().Services.BuildServiceProvider();
        try
        {
            return (provider.GetRequiredService<IOptions<ProvisionedTenantsOptions>>().Value, []);
        }
        catch (OptionsValidationException e)
        {
            return (null, e.Failures.ToList());
        }
    }

    private static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(Contoso);
        foreach (var (key, value) in changes) settings[key] = value;
        return settings;
    }

    [Fact]
    public void A_tenant_binds_from_indexed_settings()
    {
        var (tenants, failures) = Bind(With(("Tenants__1__Id", "fabrikam"), ("Tenants__1__DisplayName", "Fabrikam"),
            ("Tenants__1__EntraTenantId", "fabrikam.onmicrosoft.com"), ("Tenants__1__ClientId", "aaaaaaaa-bbbb-cccc-dddd-ffffffffffff"),
            ("Tenants__1__ClientCertificate", Convert.ToBase64String([0x30, 0x82, 0x01])), ("Tenants__1__DefaultRegion", "de"),
            ("Tenants__1__TimeZone", "W. Europe Standard Time")));
        Assert.Empty(failures);
        Assert.Equal(["contoso.eu_1", "fabrikam"], tenants!.Select(t => t.Id));
        Assert.Equal("s3cr3t~value", tenants![0].ClientSecret);
        Assert.Null(tenants![1].ClientSecret);
    }

    [Fact]
    public void No_tenants_is_valid()
    {
        var (tenants, failures) = Bind(new Dictionary<string, string?>());
        Assert.Empty(failures);
        Assert.Empty(tenants!);
    }

    [Theory]
    [InlineData("Tenants__0__Id", "has space", "Id must match")]
    [InlineData("Tenants__0__Id", "", "Id field is required")]
    [InlineData("Tenants__0__ClientId", "not-a-guid", "ClientId must be a GUID")]
    [InlineData("Tenants__0__DefaultRegion", "POL", "DefaultRegion must be two letters")]
    [InlineData("Tenants__0__TimeZone", "Mars/Olympus_Mons", "not a known IANA or Windows time zone")]
    [InlineData("Tenants__0__ClientSecret", "", "exactly one of ClientSecret and ClientCertificate")]
    [InlineData("Tenants__0__ClientSecret", "@Microsoft.KeyVault(VaultName=kv;SecretName=x)", "unresolved Key Vault reference")]
    [InlineData("Tenants__0__ClientCertificate", "AAAA", "exactly one of ClientSecret and ClientCertificate")]
    public void A_bad_entry_fails_naming_the_setting(string key, string value, string message)
    {
        var (_, failures) = Bind(With((key, value)));
        var failure = Assert.Single(failures, f => f.Contains(message, StringComparison.Ordinal));
        Assert.Contains("Tenants__0:", failure);
    }

    [Fact]
    public void A_certificate_must_be_base64()
    {
        var (_, failures) = Bind(With(("Tenants__0__ClientSecret", null), ("Tenants__0__ClientCertificate", "not base64!")));
        Assert.Contains(failures, f => f.Contains("ClientCertificate must be a base64 PFX", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_fail_whatever_their_case()
    {
        var settings = With(Contoso.Select(p => (p.Key.Replace("__0__", "__1__"), p.Value)).ToArray());
        settings["Tenants__1__Id"] = "CONTOSO.EU_1";
        var (_, failures) = Bind(settings);
        Assert.Contains(failures, f => f.Contains("listed more than once", StringComparison.Ordinal));
    }
}
