using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.GraphSandbox;
using ContactSync.GraphSandbox.Model;
using ContactSync.Hub.Directory;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Webhooks;

/// <summary>The real handler behind the dev host on a fixed free port (Graph must call it back at its public URL), with
/// the webhook functions, the worker and the renewer (fired on demand; its schedule never comes due), against the test
/// Azurite and an in-process sandbox whose clock a test can move. No Scheduler runs: every sync after the first is
/// caused by a notification.</summary>
public sealed class WebhookHostFixture : IAsyncLifetime
{
    public const string AdminKey = "webhook-admin-key";
    public const string AppId = "5a0c4bd2-64a9-4a3b-9d47-2f3c1c0e7e11";
    public const string FunctionKey = "webhook-function-key";
    public ITableStore Tables { get; } = TestEnvironment.Storage.CreateTableStore();
    public string JobsTable { get; } = TestEnvironment.UniqueName("wh") + "jobs";
    public ConcurrentQueue<string> Log { get; } = new();
    public ShiftedClock SandboxClock { get; } = new();
    public SandboxServer Sandbox { get; private set; } = null!;
    public DevHost.DevHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public SubscriptionStore Subscriptions => new(Tables);

    public async Task InitializeAsync()
    {
        foreach (var table in ContactSync.Hub.HubTables.All) await Tables.CreateTableIfNotExistsAsync(table);
        Sandbox = await SandboxServer.StartAsync(new SandboxOptions { Clock = SandboxClock });
        var url = $"http://127.0.0.1:{FreePort()}";
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = TestEnvironment.UniqueName("wh") + "-jobs", ["Jobs__Table"] = JobsTable,
            ["ContactSync__AdminKey"] = AdminKey, ["Jobs__Lease"] = "00:00:30", ["RENEWER_SCHEDULE"] = "0 0 0 1 1 *",
            ["Sync__GraphBaseUrl"] = Sandbox.BaseUrl, ["Sync__GraphSandbox"] = "true", ["Sync__BusyRetryDelay"] = "00:00:01",
            ["Webhooks__PublicBaseUrl"] = url, ["Webhooks__FunctionKey"] = FunctionKey, ["Webhooks__CoalesceWindow"] = "00:00:05",
            ["Webhooks__MaxLifetime"] = "00:45:00",
        }, Log.Enqueue) with
        {
            HttpUrl = url, FunctionKey = FunctionKey,
            Functions = new HashSet<string> { "SyncWorker", "SyncPoison", "Health", "ManagementApi", "GraphNotifications", "GraphLifecycle", "SubscriptionRenewer" },
        };
        Host = await DevHost.DevHost.StartAsync(options);
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>A tenant (hub + sandbox) with a two-way contacts policy and one mailbox target <c>ann</c>.</summary>
    public async Task<(string Tenant, string Upn)> TenantWithTargetAsync(string folder = "")
    {
        var t = TestEnvironment.UniqueName("w");
        var entra = Guid.NewGuid().ToString();
        Sandbox.SeedTenant(entra, AppId);
        Assert.True((await new TenantStore(Tables).SaveAsync(new ContactSync.Hub.Tenants.Tenant(t, "Webhooks " + t, "PL", "Europe/Warsaw",
            new GraphSettings(entra, AppId, CredentialKind.ClientSecret, "WEBHOOK_UNUSED_SECRET")))).IsOk);
        var groups = new GroupStore(Tables);
        var policies = new PolicyStore(Tables, groups);
        Assert.True((await policies.SaveAsync(t, new Policy("two-way", null, new ContactsSection(Interval.Off, null, SyncDirection.TwoWay,
            false, [], null, ConflictPolicy.Manual, DeleteMode.Propagate, folder.Length > 0 ? folder : null)))).IsOk);
        var upn = $"ann@{t}.example";
        Sandbox.SeedUser(entra, new DirectoryUser { UserPrincipalName = upn, DisplayName = "Ann" });
        Assert.True((await new TargetStore(Tables, policies, groups).SaveAsync(t,
            new Target("ann", TargetKind.Mailbox, upn, null, "two-way", []))).IsOk);
        return (t, upn);
    }

    public TableHubContactStore Hub(string tenantId) => new(Tables, tenantId);

    public static FieldMap Contact(params (string Field, string Value)[] fields) =>
        FieldMap.From(fields.Select(f => new KeyValuePair<string, string?>(f.Field, f.Value)));

    /// <summary>Sync now through the API and wait until the job is done.</summary>
    public async Task<JsonElement> SyncAsync(string tenantId, string targetId = "ann")
    {
        using var response = await Http.PostAsync($"api/tenants/{tenantId}/targets/{targetId}/sync?section=contacts", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString().TrimStart('/');
        var job = await TestEnvironment.EventuallyAsync(async () =>
        {
            var now = await Http.GetFromJsonAsync<JsonElement>(location);
            return now.GetProperty("state").GetString() is "succeeded" or "failed" ? (object)now : null;
        }, TimeSpan.FromSeconds(60), $"job {location}");
        var done = (JsonElement)job;
        Assert.True(done.GetProperty("state").GetString() == "succeeded", done.ToString());
        return done;
    }

    /// <summary>Runs the renewer now through the dev host's admin endpoint (which answers once the invocation is done).</summary>
    public async Task RenewAsync()
    {
        using var response = await Http.PostAsync("admin/functions/SubscriptionRenewer", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Job rows of this host for a tenant, oldest first.</summary>
    public async Task<IReadOnlyList<TableEntity>> JobsAsync(string tenantId, string? kind = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in Tables.QueryAsync(JobsTable, new TableQuery(TableFilter.Partition(tenantId)))) rows.Add(e);
        return rows.Where(r => kind is null || r.GetString("Kind") == kind).OrderBy(r => r.GetDateTime("CreatedAt")).ToList();
    }

    /// <summary>Waits for a job row of <paramref name="kind"/> beyond the first <paramref name="skip"/> to finish.</summary>
    public async Task<TableEntity> FinishedJobAsync(string tenantId, string kind, int skip, int seconds = 30) =>
        await TestEnvironment.EventuallyAsync(async () => (await JobsAsync(tenantId, kind)).Skip(skip)
                .FirstOrDefault(j => j.GetString("State") is "Succeeded" or "Failed"),
            TimeSpan.FromSeconds(seconds), $"a finished {kind} job of {tenantId}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The system clock plus an offset a test can move (the sandbox's subscription expiry).</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
