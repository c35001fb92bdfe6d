using ContactSync.Storage;

namespace ContactSync.Hub.Tests.SyncState;

/// <summary>Table stores with the hub's tables created: in memory, or Azurite from CONTACTSYNC_TEST_STORAGE (test.sh sets
/// it; else Azurite's default ports). Tests keep apart by a tenant id of their own (<see cref="NewTenant"/>).</summary>
public static class TestTables
{
    public static Task<ITableStore> InMemoryAsync(TimeProvider? time = null) => WithTablesAsync(new InMemoryTableStore(time));

    public static Task<ITableStore> AzuriteAsync() =>
        WithTablesAsync(StorageAccount.Parse(Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_STORAGE") is { Length: > 0 } c
            ? c : "UseDevelopmentStorage=true").CreateTableStore());

    public static Task<ITableStore> CreateAsync(bool azurite) => azurite ? AzuriteAsync() : InMemoryAsync();

    /// <summary>Both kinds of store, for a [Theory] with [MemberData].</summary>
    public static TheoryData<bool> Both => new(false, true);

    public static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task<ITableStore> WithTablesAsync(ITableStore tables)
    {
        foreach (var t in HubTables.All) await tables.CreateTableIfNotExistsAsync(t);
        return tables;
    }
}
