namespace ContactSync.Storage.Tests.Tables;

/// <summary><see cref="TableDeletes.DeleteRowsAsync"/>: batches per partition, and a row gone or rewritten since it was
/// read is skipped, not an error (two overlapping passes).</summary>
public abstract class TableDeletesContract : TableContractBase
{
    [Fact]
    public async Task Rows_of_several_partitions_and_more_than_one_batch_are_deleted_and_counted()
    {
        for (var i = 0; i < 150; i++) await Store.UpsertAsync(Table, Entity("a", $"r{i:D3}"));
        await Store.UpsertAsync(Table, Entity("b", "r1"));
        await Store.UpsertAsync(Table, Entity("b", "keep"));
        var doomed = await Store.QueryAsync(Table, new TableQuery(TableFilter.Ne("RowKey", "keep"))).ToListAsync();

        Assert.Equal(151, await Store.DeleteRowsAsync(Table, doomed));
        var left = await Store.QueryAsync(Table, new TableQuery()).ToListAsync();
        Assert.Equal([("b", "keep")], left.Select(e => (e.PartitionKey, e.RowKey)));
    }

    [Fact]
    public async Task A_row_already_gone_or_written_since_it_was_read_is_skipped_and_the_rest_deleted()
    {
        for (var i = 0; i < 5; i++) await Store.UpsertAsync(Table, Entity("p", $"r{i}", ("V", 1)));
        var read = await Store.QueryAsync(Table, new TableQuery(TableFilter.Partition("p"))).ToListAsync();
        await Store.DeleteAsync(Table, "p", "r1");                          // another pass got there first
        await Store.UpsertAsync(Table, Entity("p", "r3", ("V", 2)));        // rewritten after the read

        Assert.Equal(3, await Store.DeleteRowsAsync(Table, read));
        var left = Assert.Single(await Store.QueryAsync(Table, new TableQuery()).ToListAsync());
        Assert.Equal(("r3", 2), (left.RowKey, left.GetInt32("V")));
        Assert.Equal(0, await Store.DeleteRowsAsync(Table, read.Where(r => r.RowKey != "r3")));
    }

    [Fact]
    public async Task A_missing_table_is_an_error_not_an_empty_pass()
    {
        var e = await Refused(() => Store.DeleteRowsAsync(TestStorage.TableName("gone"), [Entity("p", "r")]));
        Assert.Equal(StorageErrorKind.NotFound, e.Kind);
    }
}

public sealed class AzuriteTableDeletesTests : TableDeletesContract
{
    protected override ITableStore Store { get; } = TestStorage.Account().CreateTableStore();
}

public sealed class InMemoryTableDeletesTests : TableDeletesContract
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
