using System.Diagnostics;
using System.Globalization;
using ContactSync.Hub;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Bench;

/// <summary>
/// The scheduler's cost against Azurite (CONTACTSYNC_BENCH_STORAGE, set by bench.sh): 100,000 (target, section) entries
/// in the due index, 1,000 of them due now; times reading and claiming the due ones, and counts the rows the store
/// returned (the claim must read about the due count, not the total). Args (optional): total, due.
/// </summary>
public sealed class SchedulerBenchmark : IBenchmark
{
    public string Name => "scheduler";
    public string Description => "due index: 100,000 scheduled (target, section) pairs, 1,000 due; ReadDue + claim time and rows read";

    public async Task RunAsync(string[] args)
    {
        var total = Arg(args, 0, 100_000);
        var dueCount = Arg(args, 1, 1_000);
        var connection = Environment.GetEnvironmentVariable("CONTACTSYNC_BENCH_STORAGE") is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
        var counting = new CountingTableStore(StorageAccount.Parse(connection).CreateTableStore());
        await counting.CreateTableIfNotExistsAsync(HubTables.Due);

        var now = DateTimeOffset.UtcNow;
        var seed = Stopwatch.StartNew();
        // Due ones spread over the last 10 minutes, the rest over the next day: entity-group batches of 100 per bucket.
        var rows = Enumerable.Range(0, total).Select(i => DueIndex.ToEntity(
            new SyncKey("bench", $"target{i:000000}", i % 2 == 0 ? "contacts" : "businessContacts"),
            i < dueCount ? now.AddMinutes(-1 - i % 10) : now.AddMinutes(2 + i % 1440)));
        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, ct) =>
            await counting.SubmitTransactionAsync(HubTables.Due, [.. batch.Select(TableOperation.Insert)], ct));
        Console.WriteLine($"scheduler: seeded {total:N0} due-index rows ({dueCount:N0} due) in {batches.Count:N0} batches, {seed.Elapsed.TotalSeconds:0.0} s");

        var index = new DueIndex(counting);
        var before = counting.RowsRead;
        var clock = Stopwatch.StartNew();
        var due = await index.ReadDueAsync(now);
        var readMs = clock.Elapsed.TotalMilliseconds;
        var claimed = await index.ClaimAsync(due);
        var ms = clock.Elapsed.TotalMilliseconds;
        var rowsRead = counting.RowsRead - before;
        Console.WriteLine($"scheduler: read {due.Count:N0} due entries in {readMs:0} ms, claimed {claimed.Count:N0} in {ms - readMs:0} ms more, {rowsRead:N0} rows read; " +
            $"a second run claims {(await index.ClaimDueAsync(now)).Count}");
        if (claimed.Count != dueCount) throw new InvalidOperationException($"Expected {dueCount} due entries, claimed {claimed.Count}.");
        Result.Print("scheduler_100k_due1k_ms", ms, "ms");
        Result.Print("scheduler_rows_read", rowsRead);
    }

    static int Arg(string[] args, int i, int fallback) =>
        args.Length > i && int.TryParse(args[i], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
