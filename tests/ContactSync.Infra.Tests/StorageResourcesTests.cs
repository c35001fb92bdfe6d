using System.Reflection;
using ContactSync.Infra.Tests.Reading;
using Microsoft.Extensions.Configuration;

namespace ContactSync.Infra.Tests;

/// <summary>Every table and queue the code names is created by the Bicep, with the values Azure will give the app.</summary>
public sealed class StorageResourcesTests
{
    private static readonly BicepInfra Infra = BicepInfra.Load();

    [Fact]
    public void Tables_the_options_name_are_created()
    {
        var created = Infra.TableNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = CodeNames.FromOptions(Infra, "Table").Concat(CodeNames.Constants("Table")).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, t => Assert.Contains(t, created));
    }

    [Fact]
    public void Queues_the_options_and_the_bindings_name_are_created_with_their_poison_queues()
    {
        var created = Infra.QueueNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = CodeNames.FromOptions(Infra, "Queue").Concat(CodeNames.Constants("Queue")).ToList();
        foreach (var (file, queueName) in FunctionDefinitions.QueueBindings())
        {
            var name = FunctionDefinitions.ExpandSettings(queueName, s => Infra.AppSettingLiteral(s)
                ?? throw new Xunit.Sdk.XunitException($"{file}: %{s}% is not an app setting with a literal value"));
            named.Add(name);
            if (!name.EndsWith("-poison", StringComparison.Ordinal)) named.Add(name + "-poison");
        }
        Assert.Contains("sync-jobs", named);
        Assert.Contains("sync-jobs-poison", named);
        Assert.All(named, q => Assert.Contains(q, created));
    }

    [Fact]
    public void Queue_bindings_connect_through_the_identity_based_storage_settings()
    {
        var settings = Infra.AppSettings();
        var connections = FunctionDefinitions.QueueConnections().ToList();
        Assert.NotEmpty(connections);
        Assert.All(connections, c =>
        {
            Assert.Contains($"{c}__queueServiceUri", settings);
            Assert.Contains($"{c}__credential", settings);
        });
    }

    [Fact]
    public void Table_and_queue_names_are_valid_for_azure_storage()
    {
        Assert.All(Infra.TableNames(), t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t));
        Assert.All(Infra.QueueNames(), q => Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", q));
    }

    [Fact]
    public void The_account_refuses_shared_keys_and_old_tls()
    {
        var storage = Infra.File("app/storage.bicep").Source.Code;
        Assert.Matches(@"allowSharedKeyAccess:\s*false", storage);
        Assert.Matches(@"minimumTlsVersion:\s*'TLS1_2'", storage);
        Assert.Matches(@"allowBlobPublicAccess:\s*false", storage);
        Assert.Contains("for table in tableNames", storage);
        Assert.Contains("for queue in queueNames", storage);
    }

    /// <summary>Storage names in the code: options properties named …Table/…Queue bound from the Bicep's literal
    /// settings (what Azure will give the app), and <c>const string</c> fields of static classes named …Tables,
    /// …TableNames, …Queues or …QueueNames in the ContactSync assemblies.</summary>
    private static class CodeNames
    {
        public static IEnumerable<string> FromOptions(BicepInfra infra, string suffix)
        {
            var settings = infra.AppSettings().Select(k => (k, v: infra.AppSettingLiteral(k))).Where(p => p.v is not null)
                .ToDictionary(p => p.k.Replace("__", ":"), p => p.v);
            var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            foreach (var type in OptionsSettings.HandlerOptionsTypes().Where(t => !t.IsAssignableTo(typeof(System.Collections.IEnumerable))))
            {
                var options = config.GetSection(OptionsSettings.SectionOf(type)!).Get(type) ?? Activator.CreateInstance(type)!;
                foreach (var p in type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith(suffix, StringComparison.Ordinal)))
                    if (p.GetValue(options) is string { Length: > 0 } name) yield return name;
            }
        }

        public static IEnumerable<string> Constants(string kind) =>
            AppAssemblies().SelectMany(a => a.GetTypes())
                .Where(t => t is { IsAbstract: true, IsSealed: true } && (t.Name.EndsWith(kind + "s", StringComparison.Ordinal)
                    || t.Name.EndsWith(kind + "Names", StringComparison.Ordinal)))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

        // Every ContactSync assembly beside the tests (handler, hub, engine, storage, graph), used or not yet.
        private static IEnumerable<Assembly> AppAssemblies() =>
            Directory.EnumerateFiles(AppContext.BaseDirectory, "ContactSync.*.dll")
                .Where(p => !Path.GetFileName(p).Contains(".Tests", StringComparison.Ordinal))
                .Select(p => Assembly.Load(AssemblyName.GetAssemblyName(p)));
    }
}
