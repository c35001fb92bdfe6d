namespace ContactSync.Storage.Tests.Tables;

/// <summary>Entity group transactions: all or nothing, the failing operation named, limits refused before sending.</summary>
public abstract class TableBatchContract : TableContractBase
{
    [Fact]
    public async Task A_100_operation_batch_commits_atomically_and_returns_each_etag()
    {
        var ops = Enumerable.Range(0, 100).Select(i => TableOperation.Insert(Entity("b", $"r{i:D3}", ("I", i)))).ToList();
        var etags = await Store.SubmitTransactionAsync(Table, ops);
        Assert.Equal(100, etags.Count);
        var stored = await Store.QueryAsync(Table, new TableQuery(TableFilter.Partition("b"))).ToListAsync();
        Assert.Equal(100, stored.Count);
        Assert.Equal(stored.Select(e => e.ETag), etags);
    }

    [Fact]
    public async Task A_batch_with_one_bad_operation_commits_nothing_and_names_the_failing_index()
    {
        await Store.InsertAsync(Table, Entity("x", "exists"));
        var ops = Enumerable.Range(0, 10).Select(i => TableOperation.Insert(Entity("x", $"new{i}"))).ToList();
        ops.Insert(7, TableOperation.Insert(Entity("x", "exists")));

        var e = await Refused(() => Store.SubmitTransactionAsync(Table, ops));
        Assert.Equal(StorageErrorKind.Conflict, e.Kind);
        Assert.Equal(7, e.OperationIndex);
        Assert.Contains("operation 7", e.Message);

        var left = await Store.QueryAsync(Table, new TableQuery(TableFilter.Partition("x"))).ToListAsync();
        Assert.Equal(["exists"], left.Select(x => x.RowKey));
    }

    [Fact]
    public async Task Mixed_operations_apply_together()
    {
        var keep = await Store.InsertAsync(Table, Entity("m", "keep", ("V", 1)));
        await Store.InsertAsync(Table, Entity("m", "gone"));
        await Store.InsertAsync(Table, Entity("m", "merge", ("A", "a")));
        var etags = await Store.SubmitTransactionAsync(Table,
        [
            TableOperation.Update(Entity("m", "keep", ("V", 2)), keep),
            TableOperation.Delete("m", "gone"),
            TableOperation.Upsert(Entity("m", "merge", ("B", "b")), WriteMode.Merge),
            TableOperation.Upsert(Entity("m", "fresh", ("C", "c"))),
        ]);
        Assert.Null(etags[1]);
        Assert.Equal(2, (await Store.GetAsync(Table, "m", "keep"))!.GetInt32("V"));
        Assert.Null(await Store.GetAsync(Table, "m", "gone"));
        var merged = (await Store.GetAsync(Table, "m", "merge"))!;
        Assert.Equal(("a", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal(etags[3], (await Store.GetAsync(Table, "m", "fresh"))!.ETag);
    }

    [Fact]
    public async Task A_stale_etag_in_a_batch_delete_is_a_precondition_failure_and_commits_nothing()
    {
        var first = await Store.InsertAsync(Table, Entity("s", "e", ("V", 1)));
        await Store.UpdateAsync(Table, Entity("s", "e", ("V", 2)), first);
        var e = await Refused(() => Store.SubmitTransactionAsync(Table,
            [TableOperation.Insert(Entity("s", "other")), TableOperation.Delete("s", "e", first)]));
        Assert.Equal(StorageErrorKind.PreconditionFailed, e.Kind);
        Assert.Equal(1, e.OperationIndex);
        Assert.Null(await Store.GetAsync(Table, "s", "other"));
    }

    /// <summary>Azurite#1233: some Azurite versions ignored If-Match on batch updates; this pins what the store does.</summary>
    [Fact]
    public async Task A_stale_etag_in_a_batch_update_is_a_precondition_failure()
    {
        var first = await Store.InsertAsync(Table, Entity("u", "e", ("V", 1)));
        await Store.UpdateAsync(Table, Entity("u", "e", ("V", 2)), first);
        foreach (var mode in new[] { WriteMode.Replace, WriteMode.Merge })
        {
            var e = await Refused(() => Store.SubmitTransactionAsync(Table, [TableOperation.Update(Entity("u", "e", ("V", 3)), first, mode)]));
            Assert.Equal(StorageErrorKind.PreconditionFailed, e.Kind);
        }
        Assert.Equal(2, (await Store.GetAsync(Table, "u", "e"))!.GetInt32("V"));
    }

    [Fact]
    public async Task Batches_over_the_limits_are_refused_before_sending()
    {
        var tooMany = Enumerable.Range(0, 101).Select(i => TableOperation.Insert(Entity("p", $"r{i}"))).ToList();
        var twoPartitions = new[] { TableOperation.Insert(Entity("p1", "r")), TableOperation.Insert(Entity("p2", "r")) };
        var duplicate = new[] { TableOperation.Insert(Entity("p", "r")), TableOperation.Upsert(Entity("p", "r")) };
        var big = new string('x', 30_000);
        var tooBig = Enumerable.Range(0, 100).Select(i => TableOperation.Insert(
            Entity("p", $"r{i}", ("A", big), ("B", big)))).ToList(); // ~6 MB of JSON, each entity under 1 MiB

        foreach (var (ops, kind) in new[] { (tooMany, StorageErrorKind.BadRequest), (twoPartitions.ToList(), StorageErrorKind.BadRequest),
                     (duplicate.ToList(), StorageErrorKind.BadRequest), (tooBig, StorageErrorKind.TooLarge), ([], StorageErrorKind.BadRequest) })
        {
            var e = await Refused(() => Store.SubmitTransactionAsync(Table, ops));
            Assert.Equal(kind, e.Kind);
            Assert.Equal(0, e.Status);
        }
        Assert.Empty(await Store.QueryAsync(Table, new TableQuery()).ToListAsync());
    }
}

public sealed class AzuriteTableBatchTests : TableBatchContract
{
    protected override ITableStore Store { get; } = TestStorage.Account().CreateTableStore();
}

public sealed class InMemoryTableBatchTests : TableBatchContract
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
