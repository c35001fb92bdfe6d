namespace ContactSync.Storage.Tests.Tables;

/// <summary>Single-entity reads and writes: every ITableStore must behave like the Table service here.</summary>
public abstract class TableCrudContract : TableContractBase
{
    [Fact]
    public async Task Get_of_a_missing_entity_is_null()
    {
        Assert.Null(await Store.GetAsync(Table, "p", "nothing"));
    }

    [Fact]
    public async Task Insert_then_get_returns_the_entity_with_its_etag()
    {
        var etag = await Store.InsertAsync(Table, Entity("p", "r1", ("Name", "Ann")));
        var got = await Store.GetAsync(Table, "p", "r1");
        Assert.NotNull(got);
        Assert.Equal("Ann", got.GetString("Name"));
        Assert.Equal(etag, got.ETag);
        Assert.NotNull(got.Timestamp);
    }

    [Fact]
    public async Task Insert_of_an_existing_entity_is_a_conflict()
    {
        await Store.InsertAsync(Table, Entity("p", "dup"));
        var e = await Refused(() => Store.InsertAsync(Table, Entity("p", "dup")));
        Assert.Equal(StorageErrorKind.Conflict, e.Kind);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_and_a_stale_etag_is_a_precondition_failure()
    {
        var first = await Store.InsertAsync(Table, Entity("p", "e", ("N", 1)));
        var second = await Store.UpdateAsync(Table, Entity("p", "e", ("N", 2)), first);
        Assert.NotEqual(first, second);

        var stale = await Refused(() => Store.UpdateAsync(Table, Entity("p", "e", ("N", 3)), first));
        Assert.Equal(StorageErrorKind.PreconditionFailed, stale.Kind);
        Assert.Equal(412, stale.Status);
        var staleDelete = await Refused(() => Store.DeleteAsync(Table, "p", "e", first));
        Assert.Equal(StorageErrorKind.PreconditionFailed, staleDelete.Kind);

        Assert.Equal(2, (await Store.GetAsync(Table, "p", "e"))!.GetInt32("N"));
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_not_found()
    {
        var e = await Refused(() => Store.UpdateAsync(Table, Entity("p", "ghost"), "*"));
        Assert.Equal(StorageErrorKind.NotFound, e.Kind);
        var d = await Refused(() => Store.DeleteAsync(Table, "p", "ghost"));
        Assert.Equal(StorageErrorKind.NotFound, d.Kind);
    }

    [Fact]
    public async Task Upsert_replace_drops_old_properties_and_merge_keeps_them()
    {
        await Store.UpsertAsync(Table, Entity("p", "u", ("A", "a"), ("B", "b")));
        await Store.UpsertAsync(Table, Entity("p", "u", ("B", "b2"), ("C", "c")), WriteMode.Merge);
        var merged = (await Store.GetAsync(Table, "p", "u"))!;
        Assert.Equal(["A", "B", "C"], merged.Properties.Keys.Order());
        Assert.Equal("b2", merged.GetString("B"));

        await Store.UpsertAsync(Table, Entity("p", "u", ("D", "d")));
        var replaced = (await Store.GetAsync(Table, "p", "u"))!;
        Assert.Equal(["D"], replaced.Properties.Keys);
    }

    [Fact]
    public async Task Update_merge_with_the_current_etag_keeps_other_properties()
    {
        var etag = await Store.InsertAsync(Table, Entity("p", "m", ("A", "a"), ("B", "b")));
        await Store.UpdateAsync(Table, Entity("p", "m", ("B", "x")), etag, WriteMode.Merge);
        var got = (await Store.GetAsync(Table, "p", "m"))!;
        Assert.Equal(("a", "x"), (got.GetString("A"), got.GetString("B")));
    }

    [Fact]
    public async Task Delete_with_the_current_etag_removes_the_entity()
    {
        var etag = await Store.InsertAsync(Table, Entity("p", "d"));
        await Store.DeleteAsync(Table, "p", "d", etag);
        Assert.Null(await Store.GetAsync(Table, "p", "d"));
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_unicode_work_in_urls()
    {
        const string pk = "O'Brien & Co ü+%20", rk = "ключ 'x' 😀";
        var etag = await Store.InsertAsync(Table, Entity(pk, rk, ("V", 1)));
        await Store.UpdateAsync(Table, Entity(pk, rk, ("V", 2)), etag);
        Assert.Equal(2, (await Store.GetAsync(Table, pk, rk))!.GetInt32("V"));
        await Store.DeleteAsync(Table, pk, rk);
        Assert.Null(await Store.GetAsync(Table, pk, rk));
    }

    [Fact]
    public async Task Of_concurrent_updates_with_the_same_etag_exactly_one_wins()
    {
        var etag = await Store.InsertAsync(Table, Entity("p", "race", ("Winner", -1)));
        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try { await Store.UpdateAsync(Table, Entity("p", "race", ("Winner", i)), etag); return i; }
            catch (StorageException e) when (e.Kind == StorageErrorKind.PreconditionFailed) { return -1; }
        });
        var winners = (await Task.WhenAll(attempts)).Where(i => i >= 0).ToList();
        Assert.Equal(winners, [(await Store.GetAsync(Table, "p", "race"))!.GetInt32("Winner")!.Value]);
    }

    [Fact]
    public async Task A_missing_table_is_not_found_rather_than_null()
    {
        var missing = TestStorage.TableName("missing");
        Assert.Equal(StorageErrorKind.NotFound, (await Refused(() => Store.GetAsync(missing, "p", "r"))).Kind);
        Assert.Equal(StorageErrorKind.NotFound, (await Refused(() => Store.QueryPageAsync(missing, new TableQuery()))).Kind);
        Assert.Equal(StorageErrorKind.NotFound, (await Refused(() => Store.UpsertAsync(missing, Entity("p", "r")))).Kind);
    }
}

public sealed class AzuriteTableCrudTests : TableCrudContract
{
    protected override ITableStore Store { get; } = TestStorage.Account().CreateTableStore();
}

public sealed class InMemoryTableCrudTests : TableCrudContract
{
    protected override ITableStore Store { get; } = new InMemoryTableStore();
}
