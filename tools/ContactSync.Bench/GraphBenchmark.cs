using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Graph.Client;
using ContactSync.Graph.Configuration;
using ContactSync.Graph.Contacts;
using ContactSync.Graph.Throttling;
using ContactSync.GraphSandbox;
using SandboxUser = ContactSync.GraphSandbox.Model.DirectoryUser;

namespace ContactSync.Bench;

/// <summary>
/// Pushes contacts into many sandbox mailboxes at once through the Graph connector, with latency on every request and a
/// scaled-down Outlook budget, and reports how close each mailbox gets to the budget's ceiling. Args (all optional):
/// mailboxes, contacts per mailbox, budget (requests per window), window seconds, latency ms.
/// </summary>
public sealed class GraphBenchmark : IBenchmark
{
    public string Name => "graph";
    public string Description => "20 sandbox mailboxes x 2,000 contacts, 20 ms latency, budget 100 requests / 10 s (600/min) per mailbox";

    public async Task RunAsync(string[] args)
    {
        var mailboxes = Arg(args, 0, 20);
        var contacts = Arg(args, 1, 2000);
        var budget = Arg(args, 2, 100);
        var window = TimeSpan.FromSeconds(Arg(args, 3, 10));
        var latency = Arg(args, 4, 20);
        var ceiling = budget / window.TotalSeconds; // requests (= writes: a $batch of 20 counts 20) per second per mailbox
        Console.WriteLine($"graph: {mailboxes} mailboxes x {contacts} contacts, {latency} ms latency, budget {budget} requests " +
            $"per {window.TotalSeconds:0.#} s per mailbox (= {budget * 60 / window.TotalSeconds:0} per minute; Graph's own is 10,000 " +
            $"per 10 min), ceiling {ceiling:0.##} writes/s per mailbox, a $batch of 20 counting 20 requests");

        var sandboxWindow = new ThrottleSettings(RequestBudget: budget, WindowSeconds: window.TotalSeconds);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Throttling = sandboxWindow });
        sandbox.SeedTenant("bench", "bench-app");
        sandbox.Control.SetFaults(new FaultSettings(LatencyMs: latency));
        var users = Enumerable.Range(0, mailboxes).Select(i => sandbox.SeedUser("bench",
            new SandboxUser { UserPrincipalName = $"user{i}@bench.example", Mail = $"user{i}@bench.example" }).Id).ToList();

        var transport = new CountingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var settings = new GraphTenantSettings
        {
            TenantId = "bench", ClientId = "bench-app", Credential = GraphCredentialKind.Sandbox, BaseUrl = sandbox.BaseUrl,
        };
        // The connector is told the tenant's limits, with a 1% margin on the window.
        var limits = new MailboxLimits { RequestBudget = budget, Window = window, WindowMargin = window * 0.01 };
        using var client = GraphTenantClient.Create(settings, limits, transport);

        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(users.Select(user => PushAsync(client, user, contacts, clock)));
        var total = clock.Elapsed;

        var counters = users.Select(sandbox.Counters).ToList();
        var writes = counters.Sum(c => c.Writes);
        var requests = counters.Sum(c => c.Requests);
        var failed = runs.Sum(r => r.Failed);
        // Steady state: the first window's budget is spent at once, so measure from the end of that first burst to the
        // last write: the writes confirmed in between over that time.
        var steady = runs.Average(r => r.WritesAfter(r.FirstBurstEnd(window)) / (r.Finished - r.FirstBurstEnd(window)).TotalSeconds);
        var overall = runs.Average(r => r.Written / r.Finished.TotalSeconds);

        Console.WriteLine($"graph: {writes} writes in {total.TotalSeconds:0.0} s, {transport.Calls} HTTP calls, {failed} failed items; " +
            $"per mailbox {overall:0.##} writes/s overall, {steady:0.##} writes/s after the first window");
        Result.Print("graph_requests_per_write", (double)requests / writes, "requests");
        Result.Print("graph_http_calls_per_write", (double)transport.Calls / writes, "calls");
        Result.Print("graph_max_concurrency", counters.Max(c => c.MaxConcurrency), "requests");
        Result.Print("graph_429_share", (double)counters.Sum(c => c.Throttled) / requests);
        Result.Print("graph_failed_items", failed, "items");
        Result.Print("graph_ceiling_ratio", steady / ceiling);
        Result.Print("graph_ceiling_ratio_incl_first_window", overall / ceiling);
    }

    /// <summary>One mailbox: every contact created, in chunks of one batch each so each chunk's end can be timed.</summary>
    static async Task<MailboxRun> PushAsync(GraphTenantClient client, string user, int contacts, Stopwatch clock)
    {
        var store = new GraphContactStore(client, new GraphContactsTarget(user, "ContactSync"));
        var done = new ConcurrentBag<(TimeSpan At, int Written)>();
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, contacts).Chunk(MailboxBatcher.MaxPerBatch).Select(async chunk =>
        {
            var results = await store.WriteAsync([.. chunk.Select(i => (WriteOp)new CreateOp(Contact(user, i), $"{user}-{i}"))]);
            done.Add((clock.Elapsed, results.Count(r => r.Ok)));
            Interlocked.Add(ref failed, results.Count(r => !r.Ok));
        }));
        return new MailboxRun([.. done], failed);
    }

    static FieldMap Contact(string user, int i) => FieldMap.Empty
        .With("givenName", $"Kontakt{i}").With("surname", "Testowy").With("displayName", $"Kontakt{i} Testowy")
        .With("companyName", "Przykład Sp. z o.o.").WithList("emails", [$"k{i}@{user[..8]}.example"])
        .WithList("businessPhones", [$"+4822555{i:0000}"]);

    static int Arg(string[] args, int i, int fallback) =>
        args.Length > i && int.TryParse(args[i], CultureInfo.InvariantCulture, out var v) ? v : fallback;

    sealed record MailboxRun(IReadOnlyList<(TimeSpan At, int Written)> Chunks, int Failed)
    {
        public int Written => Chunks.Sum(c => c.Written);
        public TimeSpan Finished => Chunks.Max(c => c.At);
        public int WritesAfter(TimeSpan t) => Chunks.Where(c => c.At > t).Sum(c => c.Written);
        public TimeSpan FirstBurstEnd(TimeSpan window) => Chunks.Where(c => c.At < window).Select(c => c.At).DefaultIfEmpty().Max();
    }

    /// <summary>Counts HTTP calls on the wire (a $batch is one).</summary>
    sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        int calls;
        public int Calls => Volatile.Read(ref calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
