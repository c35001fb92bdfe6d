namespace ContactSync.Storage.Tests.Tables;

/// <summary>Queries: paging through continuations, $top, $select and the $filter forms TableFilter builds.</summary>
public abstract class TableQueryContract : TableContractBase
{
    [Fact]
    public async Task A_query_over_more_than_1000_entities_pages_through_continuations_and_returns_every_one()
    {
        const int count = 1234;
        for (var start = 0; start < count; start += 100)
            await Store.SubmitTransactionAsync(Table, Enumerable.Range(start, Math.Min(100, count - start))
                .Select(i => TableOperation.Insert(Entity("big", $"r{i:D5}", ("I", i)))).ToList());

        var first = await Store.QueryPageAsync(Table, new TableQuery(TableFilter.Partition("big")));
        Assert.True(first.Entities.Count <= 1000);
        Assert.NotNull(first.Continuation);

        var all = await Store.QueryAsync(Table, new TableQuery(TableFilter.Partition("big"))).ToListAsync();
        Assert.Equal(Enumerable.Range(0, count), all.Select(e => e.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task Top_caps_each_page_and_the_continuation_resumes_where_the_page_stopped()
    {
        await Seed("top", 7);
        var seen = new List<string>();
        TableContinuation? continuation = null;
        var pages = 0;
        do
        {
            var page = await Store.QueryPageAsync(Table, new TableQuery(TableFilter.Partition("top"), Top: 3), continuation);
            Assert.True(page.Entities.Count <= 3);
            seen.AddRange(page.Entities.Select(e => e.RowKey));
            continuation = page.Continuation;
            pages++;
        } while (continuation is not null);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"r{i}"), seen);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Range_filters_on_row_keys_and_typed_properties_select_the_right_entities()
    {
        await Seed("range", 10);
        var range = TableFilter.And(TableFilter.Partition("range"), TableFilter.Ge("RowKey", "r3"), TableFilter.Lt("RowKey", "r6"));
        Assert.Equal(["r3", "r4", "r5"], await Keys(range));

        Assert.Equal(["r8", "r9"], await Keys(TableFilter.And(TableFilter.Partition("range"), TableFilter.Gt("Seq", 7L))));
        Assert.Equal(["r0", "r2", "r4", "r6", "r8"], await Keys(TableFilter.And(TableFilter.Partition("range"), TableFilter.Eq("Even", true))));
        var when = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(["r0", "r1"], await Keys(TableFilter.And(TableFilter.Partition("range"), TableFilter.Lt("When", when.AddDays(2)))));
        Assert.Equal(["r1", "r9"], await Keys(TableFilter.And(TableFilter.Partition("range"),
            TableFilter.Or(TableFilter.Eq("Name", "n'1"), TableFilter.Eq("Name", "n'9")))));
        Assert.Equal(["r5"], await Keys(TableFilter.And(TableFilter.Partition("range"), TableFilter.Ge("Score", 5.0), TableFilter.Lt("Score", 6.0))));
    }

    [Fact]
    public async Task An_int32_literal_does_not_match_an_int64_property()
    {
        await Seed("typed", 3);
        Assert.Empty(await Keys(TableFilter.And(TableFilter.Partition("typed"), TableFilter.Eq("Seq", 1))));
        Assert.Equal(["r1"], await Keys(TableFilter.And(TableFilter.Partition("typed"), TableFilter.Eq("Seq", 1L))));
    }

    [Fact]
    public async Task An_int32_literal_compares_numerically_with_a_double_property()
    {
        await Seed("promo", 4);
        Assert.Equal(["r2", "r3"], await Keys(TableFilter.And(TableFilter.Partition("promo"), TableFilter.Ge("Score", 2))));
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties_and_the_keys()
    {
        await Seed("sel", 1);
        var page = await Store.QueryPageAsync(Table, new TableQuery(TableFilter.Partition("sel"), Select: ["Name", "NotThere"]));
        var e = Assert.Single(page.Entities);
        Assert.Equal(("sel", "r0"), (e.PartitionKey, e.RowKey));
        Assert.Equal(["Name"], e.Properties.Keys);
    }

    [Fact]
    public async Task Top_outside_1_to_1000_is_refused()
    {
        var e = await Refused(() => Store.QueryPageAsync(Table, new TableQuery(Top: 1001)));
        Assert.Equal(StorageErrorKind.BadRequest, e.Kind);
    }

    private async Task Seed(string pk, int n)
    {
        for (var i = 0; i < n; i++)
            await Store.InsertAsync(Table, Entity(pk, $"r{i}", ("Seq", (long)i), ("Even", i % 2 == 0), ("Name", $"n'{i}"),
                ("When", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i)), ("Score", i + 0.5)));
    }

    private async Task<string[]> Keys(string filter) =>
        (await Store.QueryAsync(Table, new TableQuery(filter)).ToListAsync()).Select(e => e.RowKey).ToArray();
}

public sealed class AzuriteTableQueryTests : TableQueryContract
{
    protected override ITableStore Store { get; } = TestStorage.Account().CreateTableStore();
}

public sealed class InMemoryTableQueryTests : TableQueryContract
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
