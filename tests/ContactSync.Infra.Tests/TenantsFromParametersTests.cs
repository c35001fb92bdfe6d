using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The tenants parameters file, turned into app settings the way tenants.bicep writes them, binds and
/// validates as the app's ProvisionedTenantsOptions; the Bicep type and the file agree.</summary>
public sealed class TenantsFromParametersTests
{
    private static readonly BicepInfra Infra = BicepInfra.Load();
    private static readonly string TenantsBicep = Infra.File("app/tenants.bicep").Source.Code;

    private static JsonArray SampleTenants() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Infra.Root, "tenants.parameters.json")))!["parameters"]!["tenants"]!["value"]!.AsArray();

    [Fact]
    public void The_sample_tenants_become_settings_the_app_accepts()
    {
        var tenants = SampleTenants();
        Assert.NotEmpty(tenants);
        var (bound, failures) = ProvisionedTenantsOptionsTests.Bind(Evaluate(tenants));
        Assert.Empty(failures);
        Assert.Equal(tenants.Select(t => t!["id"]!.GetValue<string>()), bound!.Select(t => t.Id));
    }

    [Fact]
    public void A_certificate_tenant_gets_a_certificate_setting_and_no_secret()
    {
        var tenant = SampleTenants()[0]!.DeepClone();
        tenant["credential"] = "certificate";
        var settings = Evaluate([tenant]);
        Assert.Contains("Tenants__0__ClientCertificate", settings.Keys);
        Assert.DoesNotContain("Tenants__0__ClientSecret", settings.Keys);
        Assert.Empty(ProvisionedTenantsOptionsTests.Bind(settings).Failures);
    }

    [Fact]
    public void The_bicep_tenant_type_has_exactly_the_fields_of_the_sample_and_tenants_bicep_reads_only_those()
    {
        var type = Infra.File("types.bicep").OfKind("type").Single(t => t.Name == "provisionedTenant").Text;
        var fields = BicepObjects.TopLevelKeys(type, type.IndexOf('{')).ToHashSet();
        Assert.All(SampleTenants(), t => Assert.Equal(fields.Order(), t!.AsObject().Select(p => p.Key).Order()));
        var used = Regex.Matches(TenantsBicep, @"\b(?:tenants\[i\]|t)\.(?<f>\w+)").Select(m => m.Groups["f"].Value).ToHashSet();
        Assert.Subset(fields, used);
    }

    [Fact]
    public void Key_vault_secret_names_use_only_letters_digits_and_hyphens()
    {
        Assert.Contains("'tenant-${replace(replace(toLower(t.id), '.', '-'), '_', '-')}-${uniqueString(t.id)}'", TenantsBicep);
    }

    /// <summary>tenants.bicep's <c>tenantAppSettings</c> applied to <paramref name="tenants"/>, with each Key Vault
    /// reference replaced by the value the platform would resolve it to.</summary>
    private static Dictionary<string, string?> Evaluate(JsonArray tenants)
    {
        var body = Infra.File("app/tenants.bicep").Var("tenantAppSettings").Text;
        var plain = Regex.Matches(body, @"^\s*'Tenants__\$\{i\}__(?<p>\w+)': tenants\[i\]\.(?<f>\w+)\s*$", RegexOptions.Multiline);
        var choice = Regex.Match(body, @"tenants\[i\]\.credential == '(?<c>\w+)' \? \{\s*'Tenants__\$\{i\}__(?<yes>\w+)': secretReferences\[i\]\s*\} : \{\s*'Tenants__\$\{i\}__(?<no>\w+)': secretReferences\[i\]");
        Assert.NotEmpty(plain);
        Assert.True(choice.Success, "tenants.bicep: the credential setting is no longer chosen by tenants[i].credential");
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < tenants.Count; i++)
        {
            var t = tenants[i]!;
            foreach (Match m in plain) settings[$"Tenants__{i}__{m.Groups["p"].Value}"] = t[m.Groups["f"].Value]?.GetValue<string>();
            var certificate = t["credential"]!.GetValue<string>() == choice.Groups["c"].Value;
            settings[$"Tenants__{i}__{choice.Groups[certificate ? "yes" : "no"].Value}"] =
                certificate ? Convert.ToBase64String([0x30, 0x82, 0x01, 0x0a]) : "resolved-client-secret";
        }
        return settings;
    }
}
