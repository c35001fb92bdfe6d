using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.GraphSandbox;
using ContactSync.GraphSandbox.Model;
using ContactSync.Hub;
using ContactSync.Hub.Directory;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Bench;

/// <summary>
/// The webhook against the running handler: the dev host (Release build, its own process, the repo's host.json) in front
/// of the handler, Azurite (CONTACTSYNC_BENCH_STORAGE) and an in-process Graph sandbox. A tenant with one two-way target
/// is synced once and subscribed by the renewer; then (1) a burst of 1,000 notifications (each its own POST, 50 at a
/// time, as Graph fans out) through the dev host's HTTP front end: ack latency p50/p99; (2) edits "as the user in
/// Outlook", each timed from the sandbox edit until the hub row has it (sandbox notification → 202 → coalescing window
/// → queue → worker → partial sync). Args (optional): notifications, edits.
/// </summary>
public sealed class WebhookBenchmark : IBenchmark
{
    private const string AdminKey = "bench-admin-key";
    private const string FunctionKey = "dev-function-key"; // the dev host's default function key
    private const string AppId = "7d2f3a10-1c4b-4a55-8f0e-5b9a1d6c2e01";

    public string Name => "webhook";
    public string Description => "webhook: ack p99 of a 1,000-notification burst through the dev host; Outlook edit → hub row p50";

    public async Task RunAsync(string[] args)
    {
        var burst = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var edits = args.Length > 1 ? int.Parse(args[1]) : 10;
        var root = RepoRoot();
        foreach (var project in new[] { "functions/ContactSync.Handler", "tools/ContactSync.DevHost" })
            await RunAsync("dotnet", $"build {project} -c Release --nologo -v q -clp:ErrorsOnly", root);
        var connection = Environment.GetEnvironmentVariable("CONTACTSYNC_BENCH_STORAGE") is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
        var tables = StorageAccount.Parse(connection).CreateTableStore();
        foreach (var table in HubTables.All) await tables.CreateTableIfNotExistsAsync(table);

        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions());
        var (tenant, upn) = await SeedAsync(tables, sandbox);
        var url = $"http://127.0.0.1:{FreePort()}";
        using var host = StartDevHost(root, url, connection, sandbox.BaseUrl);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
            http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
            await UntilAsync(async () => (await TryGetAsync(http, "api/health")) == HttpStatusCode.OK, 90, "the dev host");
            await SyncNowAsync(http, tenant);
            (await http.PostAsync("admin/functions/SubscriptionRenewer", null)).EnsureSuccessStatusCode();
            var subscription = sandbox.Control.Subscriptions().Single();

            // A warm-up burst first: production serves webhooks from always-ready (warm) instances (infra/app/function.bicep),
            // so the measured burst should not pay the handler's first-call JIT. The cold burst is printed too.
            var cold = await BurstAsync(http, subscription.Id, subscription.ClientState!, upn, "warm", 50);
            Result.Print("webhook_ack_cold_p99_ms", Percentile(cold, 0.99), "ms");
            var clock = Stopwatch.StartNew();
            var acks = await BurstAsync(http, subscription.Id, subscription.ClientState!, upn, "bench", burst);
            Console.WriteLine($"webhook: {burst} notifications acknowledged in {clock.Elapsed.TotalSeconds:0.00} s");
            Result.Print("webhook_ack_p50_ms", Percentile(acks, 0.50), "ms");
            Result.Print("webhook_ack_p99_ms", Percentile(acks, 0.99), "ms");
            await UntilAsync(async () => (await new Hub.Subscriptions.PendingChanges(tables).ReadAsync(new(tenant, "ann", "contacts"))).Count == 0,
                120, "the burst's delta sync");

            var hub = new TableHubContactStore(tables, tenant);
            var remoteId = sandbox.Contacts(upn).Single()["id"]!.GetValue<string>();
            var latencies = new List<double>();
            for (var i = 0; i < edits; i++)
            {
                var title = $"Edit {i}";
                var started = Stopwatch.GetTimestamp();
                sandbox.OutlookUpdate(upn, remoteId, new JsonObject { ["jobTitle"] = title });
                await UntilAsync(async () => (await hub.GetManyAsync(["c1"])).Single().Item["jobTitle"] == title, 60, $"edit {i} reaching the hub");
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine($"webhook: {edits} Outlook edits reached the hub (coalescing window 2 s, queue polling up to 2 s)");
            Result.Print("change_to_hub_p50_ms", Percentile(latencies, 0.50), "ms");
            Result.Print("change_to_hub_max_ms", latencies.Max(), "ms");
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private static async Task<(string Tenant, string Upn)> SeedAsync(ITableStore tables, SandboxServer sandbox)
    {
        var tenant = "bench" + Guid.NewGuid().ToString("N")[..8];
        var entra = Guid.NewGuid().ToString();
        sandbox.SeedTenant(entra, AppId);
        var upn = $"ann@{tenant}.example";
        sandbox.SeedUser(entra, new DirectoryUser { UserPrincipalName = upn, DisplayName = "Ann" });
        Check((await new TenantStore(tables).SaveAsync(new Hub.Tenants.Tenant(tenant, "Bench", "PL", "Europe/Warsaw",
            new GraphSettings(entra, AppId, CredentialKind.ClientSecret, "BENCH_UNUSED_SECRET")))).IsOk, "tenant");
        var groups = new GroupStore(tables);
        var policies = new PolicyStore(tables, groups);
        Check((await policies.SaveAsync(tenant, new Policy("two-way", null, new ContactsSection(Interval.Off, null, SyncDirection.TwoWay,
            false, [], null, ConflictPolicy.Manual, DeleteMode.Propagate, null)))).IsOk, "policy");
        Check((await new TargetStore(tables, policies, groups).SaveAsync(tenant, new Target("ann", TargetKind.Mailbox, upn, null, "two-way", []))).IsOk, "target");
        await new TableHubContactStore(tables, tenant).PutAsync("c1", FieldMap.From([new("givenName", "Zdeněk"), new("surname", "Šťastný"),
            new KeyValuePair<string, string?>("syncTags", "ann")]));
        return (tenant, upn);
    }

    private static Process StartDevHost(string root, string url, string storage, string graph)
    {
        var info = new ProcessStartInfo("dotnet",
            $"tools/ContactSync.DevHost/bin/Release/net10.0/ContactSync.DevHost.dll --source --configuration Release --url {url} " +
            "--functions SyncWorker,SyncPoison,Health,ManagementApi,GraphNotifications,GraphLifecycle,SubscriptionRenewer")
        { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage, ["SYNC_JOBS_QUEUE"] = "bench-webhook-jobs", ["Jobs__Table"] = "benchwebhookjobs",
            ["ContactSync__AdminKey"] = AdminKey, ["RENEWER_SCHEDULE"] = "0 0 0 1 1 *", ["SCHEDULER_SCHEDULE"] = "0 0 0 1 1 *",
            ["MAINTENANCE_SCHEDULE"] = "0 0 0 1 1 *",
            ["Sync__GraphBaseUrl"] = graph, ["Sync__GraphSandbox"] = "true", ["Webhooks__PublicBaseUrl"] = url,
            ["Webhooks__FunctionKey"] = FunctionKey, ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in settings) info.Environment[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the dev host did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("ubscription", StringComparison.Ordinal) == true) Console.Error.WriteLine("devhost: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("devhost: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task SyncNowAsync(HttpClient http, string tenant)
    {
        using var response = await http.PostAsync($"api/tenants/{tenant}/targets/ann/sync?section=contacts", null);
        response.EnsureSuccessStatusCode();
        var location = response.Headers.Location!.ToString().TrimStart('/');
        await UntilAsync(async () => (await http.GetFromJsonAsync<JsonElement>(location)).GetProperty("state").GetString() == "succeeded",
            60, "the first sync");
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try { using var r = await http.GetAsync(path); return r.StatusCode; }
        catch (HttpRequestException) { return null; }
    }

    private static async Task UntilAsync(Func<Task<bool>> done, int seconds, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await done())
        {
            if (deadline.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"{what} did not happen within {seconds} s");
            await Task.Delay(10);
        }
    }

    private static async Task RunAsync(string file, string arguments, string directory)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory })!;
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode})");
    }

    private static async Task<List<double>> BurstAsync(HttpClient http, string subscriptionId, string clientState, string upn, string prefix, int count)
    {
        var acks = new List<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, ct) =>
        {
            var body = new JsonObject { ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscriptionId, ["clientState"] = clientState, ["changeType"] = "updated",
                ["resource"] = $"Users/{upn}/Contacts/{prefix}-{i}",
                ["resourceData"] = new JsonObject { ["@odata.etag"] = $"W/\"{prefix}{i}\"", ["id"] = $"{prefix}-{i}" },
            }) };
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync($"api/graph/notifications?code={FunctionKey}",
                new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"notification answered {response.StatusCode}");
            lock (acks) acks.Add(ms);
        });
        return acks;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException($"seeding the {what} failed");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContactSync.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repo (bench.sh does)");
    }
}
