using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>What a compiler would catch first: modules that exist, parameters passed and declared, outputs named
/// the azd way, parameters files that match main.bicep.</summary>
public sealed class ModuleWiringTests
{
    private static readonly BicepInfra Infra = BicepInfra.Load();

    [Fact]
    public void Every_module_file_exists_and_gets_every_parameter_without_default_and_nothing_else()
    {
        var modules = Infra.Modules().ToList();
        Assert.Equal(["api", "identity", "keyVault", "monitoring", "rbac", "storage", "tenantSettings"],
            modules.Select(m => m.Symbol).Order(StringComparer.Ordinal));
        foreach (var (from, symbol, path, passed) in modules)
        {
            Assert.True(File.Exists(path), $"{from.Path}: module {symbol} points at missing {path}");
            var declared = Infra.Files.Single(f => f.Path == path).Params().ToList();
            Assert.Empty(declared.Where(p => !p.HasDefault).Select(p => p.Name).Except(passed));
            Assert.Empty(passed.Except(declared.Select(p => p.Name)));
        }
    }

    [Fact]
    public void Module_outputs_used_by_main_are_declared()
    {
        var symbols = Infra.Modules().ToDictionary(m => m.Symbol, m => Infra.Files.Single(f => f.Path == m.Path));
        foreach (Match use in Regex.Matches(Infra.Main.Source.Code, @"\b(?<m>\w+)\.outputs\.(?<o>\w+)"))
        {
            var module = symbols[use.Groups["m"].Value];
            Assert.Contains(use.Groups["o"].Value, module.OfKind("output").Select(o => o.Name));
        }
    }

    [Fact]
    public void Main_is_subscription_scoped_creates_the_resource_group_and_tags_it()
    {
        var main = Infra.Main.Source.Code;
        Assert.Contains("targetScope = 'subscription'", main);
        Assert.Contains("resource rg 'Microsoft.Resources/resourceGroups@", main);
        Assert.Contains("var tags = { 'azd-env-name': environmentName }", main);
        Assert.Contains("uniqueString(subscription().id, environmentName, location)", main);
        Assert.Contains("loadJsonContent('abbreviations.json')", main);
        Assert.Contains("union(tags, { 'azd-service-name': serviceName })", Infra.File("app/api.bicep").Source.Code);
    }

    [Fact]
    public void Outputs_of_main_are_upper_snake_and_include_what_azd_deploy_needs()
    {
        var outputs = Infra.Main.OfKind("output").Select(o => o.Name).ToList();
        Assert.All(outputs, o => Assert.Matches("^[A-Z][A-Z0-9_]*$", o));
        Assert.Contains("AZURE_LOCATION", outputs);
        Assert.Contains("AZURE_KEY_VAULT_NAME", outputs); // secretOrRandomPassword reads the admin key back from it
        Assert.Contains("SERVICE_API_NAME", outputs);
    }

    [Fact]
    public void The_abbreviations_used_exist()
    {
        var abbrs = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra.Root, "abbreviations.json")))!.AsObject();
        foreach (Match m in Regex.Matches(Infra.Main.Source.Code, @"abbrs\.(\w+)"))
            Assert.True(abbrs.ContainsKey(m.Groups[1].Value), m.Value);
    }

    [Fact]
    public void Main_parameters_json_sets_declared_parameters_and_every_required_one()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Infra.Root, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = Infra.Main.Params().ToList();
        Assert.Empty(file.Select(p => p.Key).Except(declared.Select(p => p.Name)));
        Assert.Empty(declared.Where(p => !p.HasDefault).Select(p => p.Name).Except(file.Select(p => p.Key)));
        Assert.Equal("${AZURE_ENV_NAME}", file["environmentName"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_LOCATION}", file["location"]!["value"]!.GetValue<string>());
    }
}
