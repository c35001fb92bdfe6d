namespace ContactSync.Storage.Tests.Unit;

public sealed class TableFilterTests
{
    [Fact]
    public void Literals_are_formatted_as_odata_expects()
    {
        Assert.Equal("PartitionKey eq 'O''Brien'", TableFilter.Eq("PartitionKey", "O'Brien"));
        Assert.Equal("Seq ge 42L", TableFilter.Ge("Seq", 42L));
        Assert.Equal("Count lt 7", TableFilter.Lt("Count", 7));
        Assert.Equal("Score gt 2.0", TableFilter.Gt("Score", 2.0));
        Assert.Equal("Done eq true", TableFilter.Eq("Done", true));
        Assert.Equal("When lt datetime'2025-01-02T03:04:05.0000000Z'",
            TableFilter.Lt("When", new DateTimeOffset(2025, 1, 2, 5, 4, 5, TimeSpan.FromHours(2))));
        Assert.Equal("Id eq guid'00000000-0000-0000-0000-000000000001'", TableFilter.Eq("Id", new Guid("00000000-0000-0000-0000-000000000001")));
        Assert.Equal("Bin eq X'00ff'", TableFilter.Eq("Bin", new byte[] { 0, 255 }));
    }

    [Fact]
    public void And_Or_parenthesise_each_part()
    {
        Assert.Equal("(PartitionKey eq 'p') and (RowKey ge 'a') and (RowKey lt 'b')",
            TableFilter.And(TableFilter.Partition("p"), TableFilter.Ge("RowKey", "a"), TableFilter.Lt("RowKey", "b")));
        Assert.Equal("A eq 1", TableFilter.Or(TableFilter.Eq("A", 1)));
        Assert.Equal("(RowKey ge 'contact:') and (RowKey lt 'contact;')", TableFilter.StartsWith("RowKey", "contact:"));
    }

    [Fact]
    public void Bad_property_names_and_values_are_argument_errors()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Eq("bad name", 1));
        Assert.Throws<ArgumentException>(() => TableFilter.Eq("A", new object()));
        Assert.Throws<ArgumentNullException>(() => TableFilter.Eq("A", null!));
    }

    [Theory]
    [InlineData("startswith(RowKey, 'a')")]
    [InlineData("RowKey eq 'a' xor RowKey eq 'b'")]
    [InlineData("(RowKey eq 'a'")]
    [InlineData("RowKey like 'a'")]
    [InlineData("RowKey eq")]
    [InlineData("RowKey eq datetime'not a date'")]
    public async Task The_in_memory_store_refuses_filters_outside_its_subset_as_bad_requests(string filter)
    {
        var store = new InMemoryTableStore();
        await store.CreateTableIfNotExistsAsync("filters");
        var e = await Assert.ThrowsAsync<StorageException>(() => store.QueryPageAsync("filters", new TableQuery(filter)));
        Assert.Equal(StorageErrorKind.BadRequest, e.Kind);
        Assert.Contains(filter, e.Message);
    }

    [Fact]
    public async Task The_in_memory_store_evaluates_not_and_precedence()
    {
        var store = new InMemoryTableStore();
        await store.CreateTableIfNotExistsAsync("filters");
        foreach (var rk in new[] { "a", "b", "c" }) await store.InsertAsync("filters", new TableEntity("p", rk));
        var page = await store.QueryPageAsync("filters", new TableQuery("RowKey eq 'a' or RowKey eq 'b' and not (RowKey eq 'b')"));
        Assert.Equal(["a"], page.Entities.Select(e => e.RowKey));
    }
}
