namespace ContactSync.Storage.Tests.Tables;

/// <summary>The same random sequence of writes against Azurite and the in-memory store must give the same outcome at
/// every step (success or error kind, failing batch index) and the same final contents: the fake is as strict as the
/// service.</summary>
public sealed class DifferentialTests
{
    private enum Etag { Current, Stale, Any }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_writes_have_the_same_outcomes_in_memory_and_on_azurite(int seed)
    {
        var stores = new ITableStore[] { TestStorage.Account().CreateTableStore(), new InMemoryTableStore() };
        var table = TestStorage.TableName("diff");
        var etags = stores.Select(_ => new Dictionary<string, (string? Current, string? Stale)>()).ToArray();
        foreach (var s in stores) await s.CreateTableIfNotExistsAsync(table);
        var random = new Random(seed);
        var seen = new HashSet<string>();

        for (var step = 0; step < 120; step++)
        {
            var batchSize = random.Next(4) == 0 ? random.Next(1, 5) : 0;
            var plan = Enumerable.Range(0, Math.Max(1, batchSize))
                .Select(_ => (Kind: (TableOperationKind)random.Next(4), Mode: (WriteMode)random.Next(2), Row: $"r{random.Next(6)}",
                              Etag: (Etag)random.Next(3), Value: random.Next(100)))
                .DistinctBy(p => p.Row).ToList();
            var outcomes = new List<string>();
            for (var i = 0; i < stores.Length; i++)
            {
                var ops = plan.Select(p => Operation(p.Kind, p.Mode, p.Row, p.Value, Pick(etags[i], p.Row, p.Etag))).ToList();
                outcomes.Add(await Run(stores[i], table, ops, batchSize > 0, etags[i]));
            }
            Assert.True(outcomes[0] == outcomes[1], $"step {step}: azurite {outcomes[0]} vs memory {outcomes[1]}");
            seen.Add(outcomes[0].Split('@')[0]);
        }
        // The sequence must exercise the rules, not just succeed.
        Assert.Superset(new HashSet<string> { "ok", "Conflict", "NotFound", "PreconditionFailed" }, seen);

        var contents = new List<string>();
        foreach (var s in stores)
            contents.Add(string.Join("|", (await s.QueryAsync(table, new TableQuery()).ToListAsync())
                .Select(e => e.RowKey + ":" + string.Join(",", e.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")))));
        Assert.Equal(contents[0], contents[1]);
    }

    private static string Pick(Dictionary<string, (string? Current, string? Stale)> etags, string row, Etag which) =>
        which == Etag.Any || !etags.TryGetValue(row, out var e) ? "*" : which == Etag.Current ? e.Current ?? "*" : e.Stale ?? e.Current ?? "*";

    private static TableOperation Operation(TableOperationKind kind, WriteMode mode, string row, int value, string etag)
    {
        var entity = new TableEntity("p", row);
        entity[mode == WriteMode.Merge ? $"M{value % 3}" : "V"] = value;
        return kind switch
        {
            TableOperationKind.Insert => TableOperation.Insert(entity),
            TableOperationKind.Upsert => TableOperation.Upsert(entity, mode),
            TableOperationKind.Update => TableOperation.Update(entity, etag, mode),
            _ => TableOperation.Delete("p", row, etag),
        };
    }

    private static async Task<string> Run(ITableStore store, string table, List<TableOperation> ops, bool asBatch,
        Dictionary<string, (string? Current, string? Stale)> etags)
    {
        try
        {
            var results = asBatch ? await store.SubmitTransactionAsync(table, ops) : [await Single(store, table, ops[0])];
            for (var i = 0; i < ops.Count; i++)
                etags[ops[i].Entity.RowKey] = (results[i], etags.TryGetValue(ops[i].Entity.RowKey, out var old) ? old.Current : null);
            return "ok";
        }
        catch (StorageException e)
        {
            return $"{e.Kind}@{e.OperationIndex}";
        }
    }

    private static async Task<string?> Single(ITableStore store, string table, TableOperation op)
    {
        switch (op.Kind)
        {
            case TableOperationKind.Insert: return await store.InsertAsync(table, op.Entity);
            case TableOperationKind.Upsert: return await store.UpsertAsync(table, op.Entity, op.Mode);
            case TableOperationKind.Update: return await store.UpdateAsync(table, op.Entity, op.IfMatch!, op.Mode);
            default: await store.DeleteAsync(table, op.Entity.PartitionKey, op.Entity.RowKey, op.IfMatch!); return null;
        }
    }
}
