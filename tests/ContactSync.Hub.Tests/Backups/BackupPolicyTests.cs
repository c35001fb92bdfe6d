using ContactSync.Hub.Backups;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Tests.SyncState;

namespace ContactSync.Hub.Tests.Backups;

public sealed class BackupPolicyTests
{
    private const string Json = """
        { "contacts": { "interval": "PT10M", "direction": "twoWay" },
          "backup": { "interval": "weekly", "timeOfDay": "02:30", "keepLast": 4 } }
        """;

    [Fact]
    public async Task The_backup_section_parses_is_stored_and_reads_back_and_is_not_a_sync_section()
    {
        var parsed = PolicyJson.Parse("p1", Json);
        Assert.True(parsed.IsOk, parsed.Errors?.ToString());
        Assert.Equal(new BackupSection(Interval.Weekly, new TimeOnly(2, 30), 4), parsed.Value!.Backup);
        Assert.DoesNotContain(parsed.Value.Sections(), s => s.Name == BackupSection.Name);
        Assert.Contains("\"backup\":{\"interval\":\"weekly\",\"timeOfDay\":\"02:30\",\"keepLast\":4}", PolicyWriter.Serialize(parsed.Value), StringComparison.Ordinal);

        var tables = await TestTables.InMemoryAsync();
        var tenant = TestTables.NewTenant();
        var store = new PolicyStore(tables, new GroupStore(tables));
        Assert.True((await store.SaveAsync(tenant, parsed.Value)).IsOk);
        var back = await store.GetAsync(tenant, "p1");
        Assert.Equal(parsed.Value.Backup, back!.Backup);
        Assert.NotNull(back.Contacts);
        Assert.Equal(BackupSection.DefaultKeepLast, PolicyJson.Parse("p2", """{ "backup": { "interval": "daily", "timeOfDay": "01:00" } }""").Value!.Backup!.KeepLast);
    }

    [Theory]
    [InlineData("""{ "interval": "PT1H" }""", "backup.interval")]
    [InlineData("""{ "interval": "daily" }""", "backup.timeOfDay")]
    [InlineData("""{ "interval": "daily", "timeOfDay": "03:00", "keepLast": 0 }""", "backup.keepLast")]
    [InlineData("""{ "interval": "daily", "timeOfDay": "03:00", "keepLast": 2.5 }""", "backup.keepLast")]
    [InlineData("""{ "interval": "daily", "timeOfDay": "03:00", "keep": 2 }""", "backup.keep")]
    public void A_bad_backup_section_is_refused_naming_the_field(string section, string field)
    {
        var parsed = PolicyJson.Parse("p", $$"""{ "backup": {{section}} }""");

        Assert.False(parsed.IsOk);
        Assert.Contains(field, parsed.Errors!.Errors.Keys);
    }
}
