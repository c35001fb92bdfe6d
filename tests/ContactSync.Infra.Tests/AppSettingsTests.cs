using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The app settings in the Bicep against what the code reads: the options types, function.json and host.json.</summary>
public sealed class AppSettingsTests
{
    private static readonly BicepInfra Infra = BicepInfra.Load();

    [Fact]
    public void The_handler_has_options_types_to_check()
    {
        var sections = OptionsSettings.HandlerOptionsTypes().Select(OptionsSettings.SectionOf).ToList();
        Assert.Contains("Tenants", sections);
        Assert.Contains("ContactSync", sections);
    }

    [Fact]
    public void Every_setting_the_options_read_is_set_in_the_bicep()
    {
        var read = AppSettingsRules.ReadBy(OptionsSettings.HandlerOptionsTypes());
        Assert.Empty(AppSettingsRules.Missing(read, Infra.AppSettings()));
    }

    [Fact]
    public void Every_bicep_setting_is_read_by_the_app_or_the_host()
    {
        var read = AppSettingsRules.ReadBy(OptionsSettings.HandlerOptionsTypes());
        Assert.Empty(AppSettingsRules.Unread(Infra.AppSettings(), read, FunctionDefinitions.PercentSettings()));
    }

    [Fact]
    public void Every_percent_setting_in_function_json_and_host_json_is_set()
    {
        var bicep = Infra.AppSettings();
        Assert.Empty(FunctionDefinitions.PercentSettings().Where(s => !bicep.Contains(s)).Order());
    }

    [Fact]
    public void Provisioned_tenants_are_set_per_index_with_the_credential_as_a_key_vault_reference()
    {
        var bicep = Infra.AppSettings();
        Assert.Contains("Tenants__0__Id", bicep);
        Assert.Contains("Tenants__0__ClientSecret", bicep);
        Assert.Contains("Tenants__0__ClientCertificate", bicep);
        var tenants = Infra.File("app/tenants.bicep").Source.Code;
        Assert.Contains("'@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${s})'", tenants);
        Assert.Contains("'Tenants__${i}__ClientSecret': secretReferences[i]", tenants);
        Assert.Contains("'Tenants__${i}__ClientCertificate': secretReferences[i]", tenants);
    }

    [Fact]
    public void Secrets_are_never_app_setting_values()
    {
        Assert.StartsWith("'@Microsoft.KeyVault(", Infra.AppSettingExpression("ContactSync__AdminKey"));
        Assert.StartsWith("'@Microsoft.KeyVault(", Infra.AppSettingExpression("Webhooks__FunctionKey"));
        foreach (var v in Infra.AppSettingsVars())
            Assert.DoesNotMatch(@"\badminKey\b|\bwebhookKey\b|\btenantSecrets\b", v.Text);
    }

    [Fact]
    public void Flex_runtime_settings_are_in_function_app_config_not_app_settings()
    {
        var bicep = Infra.AppSettings();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", bicep);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", bicep);
        Assert.DoesNotContain("WEBSITE_RUN_FROM_PACKAGE", bicep);
        var api = Infra.File("app/api.bicep").Source.Code;
        Assert.Matches(@"runtime:\s*\{\s*name:\s*'custom'\s*version:\s*'1\.0'\s*\}", api);
    }

    [Fact]
    public void Every_app_settings_var_reaches_the_function_app()
    {
        Assert.Contains("properties: union(appSettings, hostAppSettings)", Infra.File("app/api.bicep").Source.Code);
        Assert.Contains("appSettings: union(applicationAppSettings, tenantSettings.outputs.appSettings)", Infra.Main.Source.Code);
        Assert.Contains("output appSettings object = tenantAppSettings", Infra.File("app/tenants.bicep").Source.Code);
        Assert.Equal(["applicationAppSettings", "hostAppSettings", "tenantAppSettings"],
            Infra.AppSettingsVars().Select(v => v.Name).Order());
    }
}
