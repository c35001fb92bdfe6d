namespace ContactSync.Storage.Tests.Tables;

/// <summary>Property types round-trip; keys and sizes outside the service's limits are refused with a clear message.</summary>
public abstract class TableEntityRulesContract : TableContractBase
{
    [Fact]
    public async Task Every_supported_type_round_trips()
    {
        var when = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var guid = Guid.NewGuid();
        byte[] bytes = [0, 1, 2, 254, 255];
        await Store.UpsertAsync(Table, Entity("types", "all",
            ("Long", long.MaxValue), ("SmallLong", 42L), ("Int", int.MinValue), ("When", when), ("Old", new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            ("Id", guid), ("Bytes", bytes), ("Yes", true), ("No", false), ("Pi", Math.PI), ("Whole", 2.0), ("Tiny", 1e-300),
            ("Utc", new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc)), ("ETag", "graph-etag"),
            ("Text", "Zażółć gęślą jaźń — 日本語 😀 \"quoted\" 'single' \\ / <xml/>"), ("Empty", "")));

        var e = (await Store.GetAsync(Table, "types", "all"))!;
        Assert.Equal(long.MaxValue, e["Long"]);
        Assert.Equal(42L, e["SmallLong"]);
        Assert.Equal(int.MinValue, e["Int"]);
        Assert.Equal(when, e["When"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)e["When"]!).Offset);
        Assert.Equal(new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero), e["Old"]);
        Assert.Equal(guid, e["Id"]);
        Assert.Equal(bytes, e["Bytes"]);
        Assert.Equal(true, e["Yes"]);
        Assert.Equal(false, e["No"]);
        Assert.Equal(Math.PI, e["Pi"]);
        Assert.Equal(2.0, e["Whole"]);
        Assert.Equal(1e-300, e["Tiny"]);
        Assert.Equal("Zażółć gęślą jaźń — 日本語 😀 \"quoted\" 'single' \\ / <xml/>", e["Text"]);
        Assert.Equal("", e["Empty"]);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), e.GetDateTime("Utc"));
        Assert.Equal("graph-etag", e["ETag"]);
        Assert.Equal(16, e.Properties.Count);
    }

    [Theory]
    [InlineData("a/b", "U+002F")]
    [InlineData("a\\b", "U+005C")]
    [InlineData("a#b", "U+0023")]
    [InlineData("a?b", "U+003F")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("del\u007F", "U+007F")]
    [InlineData("c1\u0085", "U+0085")]
    public async Task Forbidden_key_characters_are_refused_with_a_message_naming_the_key(string key, string what)
    {
        var asRow = await Refused(() => Store.InsertAsync(Table, Entity("p", key)));
        Assert.Equal(StorageErrorKind.BadRequest, asRow.Kind);
        Assert.Contains("RowKey", asRow.Message);
        Assert.Contains(what, asRow.Message);
        var asPartition = await Refused(() => Store.UpsertAsync(Table, Entity(key, "r")));
        Assert.Contains("PartitionKey", asPartition.Message);
        await Refused(() => Store.GetAsync(Table, key, "r"));
        await Refused(() => Store.SubmitTransactionAsync(Table, [TableOperation.Delete("p", key)]));

        var escaped = TableKeys.Escape(key);
        await Store.InsertAsync(Table, Entity("p", escaped, ("Original", key)));
        var stored = (await Store.GetAsync(Table, "p", escaped))!;
        Assert.Equal(key, TableKeys.Unescape(stored.RowKey));
    }

    [Fact]
    public async Task Keys_up_to_512_characters_are_accepted_and_longer_ones_refused()
    {
        await Store.InsertAsync(Table, Entity("p", new string('k', 512)));
        Assert.NotNull(await Store.GetAsync(Table, "p", new string('k', 512)));
        var e = await Refused(() => Store.InsertAsync(Table, Entity("p", new string('k', 513))));
        Assert.Contains("513", e.Message);
    }

    [Fact]
    public async Task Property_limits_are_enforced()
    {
        var many = Entity("p", "many");
        for (var i = 0; i < 253; i++) many[$"P{i}"] = i;
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.InsertAsync(Table, many))).Kind);
        many.Properties.Remove("P252");
        await Store.InsertAsync(Table, many);

        var longString = Entity("p", "long", ("S", new string('s', 32 * 1024 + 1)));
        Assert.Equal(StorageErrorKind.TooLarge, (await Refused(() => Store.InsertAsync(Table, longString))).Kind);
        await Store.InsertAsync(Table, Entity("p", "max", ("S", new string('s', 32 * 1024))));

        var huge = Entity("p", "huge");
        for (var i = 0; i < 20; i++) huge[$"S{i}"] = new string('s', 32 * 1024);
        Assert.Equal(StorageErrorKind.TooLarge, (await Refused(() => Store.InsertAsync(Table, huge))).Kind);

        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.InsertAsync(Table, Entity("p", "bad", ("has-dash", 1))))).Kind);
        Assert.Equal(StorageErrorKind.BadRequest, (await Refused(() => Store.InsertAsync(Table, Entity("p", "bad", ("Odd", new object()))))).Kind);
        Assert.Null(await Store.GetAsync(Table, "p", "huge"));
    }
}

public sealed class AzuriteTableEntityRulesTests : TableEntityRulesContract
{
    protected override ITableStore Store { get; } = TestStorage.Account().CreateTableStore();
}

public sealed class InMemoryTableEntityRulesTests : TableEntityRulesContract
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
