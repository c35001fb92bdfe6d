using System.Diagnostics;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Bench;

/// <summary>
/// Plans one target of 100,000 pairs where 1% changed in the hub and 1% in the remote (full listings on both sides,
/// the content of the changed items fetched), as a scheduled reconcile would. Goal: under 500 ms on 2 cores.
/// </summary>
public sealed class PlanBenchmark : IBenchmark
{
    private const int Pairs = 100_000;
    public string Name => "plan";
    public string Description => "plan 100,000 pairs with 1% changed on each side";

    public Task RunAsync(string[] args)
    {
        var rng = new Random(42);
        var rows = new List<StatusRow>(Pairs);
        for (var i = 0; i < Pairs; i++)
            rows.Add(StatusRow.Synced($"hub-{i:D6}", $"AAMkAD-{i:D6}", "1", "1", Contact(i)));
        var hubChanged = Sample(rng, Pairs / 100);
        var remoteChanged = Sample(rng, Pairs / 100);
        var hub = Listing(rows, hubChanged, r => r.HubId, (r, i) => r.Base.With("jobTitle", $"hub edit {i}"));
        var remote = Listing(rows, remoteChanged, r => r.RemoteId, (r, i) => r.Base.With("notes", null).With(Scope.SyncTagsField, null).With("surname", $"remote edit {i}"));
        var options = new SyncOptions { Policy = ConflictPolicy.HubWins, Scope = new Scope(SyncTag: "anna@firma.pl") };

        Plan? plan = null;
        for (var i = 0; i < 3; i++) plan = PlanOnce(rows, hub, remote, options); // warm-up
        var times = new List<double>();
        long allocated = 0;
        for (var i = 0; i < 5; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            plan = PlanOnce(rows, hub, remote, options);
            times.Add(sw.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Console.WriteLine($"actions: {string.Join(", ", plan!.Actions.GroupBy(a => a.Kind).Select(g => $"{g.Key}={g.Count()}"))}");
        Result.Print("plan_100k_ms", times.Order().ElementAt(times.Count / 2), "ms");
        Result.Print("plan_100k_alloc_mb", allocated / 1024.0 / 1024.0, "MB");
        return Task.CompletedTask;
    }

    /// <summary>What a run plans from: the listings with versions, and the fetched content of the items that moved.</summary>
    private static Plan PlanOnce(List<StatusRow> rows, (ChangeSet Changes, List<StoredItem> Items) hub,
        (ChangeSet Changes, List<StoredItem> Items) remote, SyncOptions options) =>
        Planner.Plan(rows, new SideView(hub.Changes, hub.Items), new SideView(remote.Changes, remote.Items), options);

    private static (ChangeSet, List<StoredItem>) Listing(
        List<StatusRow> rows, HashSet<int> changed, Func<StatusRow, string> id, Func<StatusRow, int, FieldMap> edit)
    {
        var versions = new List<ItemVersion>(rows.Count);
        var items = new List<StoredItem>();
        for (var i = 0; i < rows.Count; i++)
        {
            var moved = changed.Contains(i);
            versions.Add(new ItemVersion(id(rows[i]), moved ? "2" : "1"));
            if (moved) items.Add(new StoredItem(id(rows[i]), "2", edit(rows[i], i)));
        }
        return (new ChangeSet(versions, [], true, "token"), items);
    }

    private static HashSet<int> Sample(Random rng, int count)
    {
        var set = new HashSet<int>();
        while (set.Count < count) set.Add(rng.Next(Pairs));
        return set;
    }

    private static FieldMap Contact(int i) => FieldMap.Empty
        .With("givenName", $"Łukasz{i}").With("surname", "Wiśniewski").With("companyName", "Firma sp. z o.o.")
        .WithList("emails", [$"l.wisniewski{i}@firma.pl"]).WithList("businessPhones", [$"+4822{i:D7}"])
        .WithList("categories", ["Klienci"]).With("classification", "Customers/Poland/Warsaw")
        .With("notes", "met at the fair").WithList(Scope.SyncTagsField, ["anna@firma.pl"]);
}
