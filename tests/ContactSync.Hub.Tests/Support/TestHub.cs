using ContactSync.Hub.Directory;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Hub.Tests.Support;

/// <summary>The hub's stores over one table store, with the tables created and a tenant id of its own (so tests that
/// share an Azurite never see each other's rows).</summary>
public sealed class TestHub
{
    public ITableStore Tables { get; }
    public string TenantId { get; } = "t-" + Guid.NewGuid().ToString("N")[..12];
    public TenantStore Tenants { get; }
    public GroupStore Groups { get; }
    public PolicyStore Policies { get; }
    public TargetStore Targets { get; }
    public MemberCsvImport Import { get; }
    public BusinessContactScope Scope { get; }

    private TestHub(ITableStore tables, TimeProvider? time)
    {
        Tables = tables;
        Tenants = new TenantStore(tables);
        Groups = new GroupStore(tables);
        Policies = new PolicyStore(tables, Groups, time);
        Targets = new TargetStore(tables, Policies, Groups, time);
        Import = new MemberCsvImport(Groups);
        Scope = new BusinessContactScope(Groups);
    }

    public static async Task<TestHub> CreateAsync(ITableStore? tables = null, TimeProvider? time = null)
    {
        tables ??= new InMemoryTableStore();
        foreach (var t in HubTables.All) await tables.CreateTableIfNotExistsAsync(t);
        return new TestHub(tables, time);
    }

    /// <summary>Azurite from CONTACTSYNC_TEST_STORAGE (test.sh sets it), else Azurite's default ports.</summary>
    public static Task<TestHub> AzuriteAsync() =>
        CreateAsync(StorageAccount.Parse(Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_STORAGE") is { Length: > 0 } c
            ? c : "UseDevelopmentStorage=true").CreateTableStore());

    public async Task<Group> GroupAsync(string id, GroupSource source = GroupSource.Csv, string? entraId = null)
    {
        var saved = await Groups.SaveAsync(TenantId, new Group(id, id.ToUpperInvariant(), source, entraId));
        Assert.True(saved.IsOk, saved.ToString());
        return saved.Value!;
    }

    public async Task<Policy> PolicyAsync(string json, string id = "p1")
    {
        var parsed = PolicyJson.Parse(id, json);
        Assert.True(parsed.IsOk, parsed.ToString());
        var saved = await Policies.SaveAsync(TenantId, parsed.Value!);
        Assert.True(saved.IsOk, saved.ToString());
        return saved.Value!;
    }
}
