using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Engine.Items;
using ContactSync.GraphSandbox;
using DirectoryUser = ContactSync.GraphSandbox.Model.DirectoryUser;
using ContactSync.Hub.Directory;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>One dev host running the real handler (SyncWorker, SyncPoison and the HTTP functions) against the test
/// Azurite, with every tenant's Graph pointed at an in-process sandbox. Each test seeds a tenant of its own (the hub
/// tables are shared), so tests of a class can share the host.</summary>
public sealed class SyncHostFixture : IAsyncLifetime
{
    public const string AdminKey = "e2e-admin-key";
    public const string AppId = "6b0c3c58-1d4e-4f0b-9a4e-2f4c3e1a7d01";
    public string Queue { get; } = TestEnvironment.UniqueName("e") + "-jobs";
    public ITableStore Tables { get; } = TestEnvironment.Storage.CreateTableStore();
    public ConcurrentQueue<string> Log { get; } = new();
    /// <summary>Hub tenant id → its sandbox (Entra) tenant id.</summary>
    public ConcurrentDictionary<string, string> Directories { get; } = new();
    public SandboxServer Sandbox { get; private set; } = null!;
    public DevHost.DevHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public GroupStore Groups => new(Tables);
    public PolicyStore Policies => new(Tables, Groups);
    public TargetStore Targets => new(Tables, Policies, Groups);

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxServer.StartAsync(new SandboxOptions());
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = Queue, ["Jobs__Table"] = TestEnvironment.UniqueName("e") + "jobs",
            ["ContactSync__AdminKey"] = AdminKey, ["Jobs__Lease"] = "00:00:30",
            ["Sync__GraphBaseUrl"] = Sandbox.BaseUrl, ["Sync__GraphSandbox"] = "true", ["Sync__BusyRetryDelay"] = "00:00:01",
        }, Log.Enqueue) with
        {
            Functions = new HashSet<string> { "SyncWorker", "SyncPoison", "Health", "ManagementApi" },
        };
        Host = await DevHost.DevHost.StartAsync(options);
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        foreach (var table in ContactSync.Hub.HubTables.All) await Tables.CreateTableIfNotExistsAsync(table);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>A new tenant in the hub and the sandbox.</summary>
    public async Task<string> TenantAsync()
    {
        var id = TestEnvironment.UniqueName("t");
        var entra = Guid.NewGuid().ToString(); // the sandbox tenant: Graph settings take a GUID or a domain
        Sandbox.SeedTenant(entra, AppId);
        Directories[id] = entra;
        var saved = await new TenantStore(Tables).SaveAsync(new Tenant(id, "E2E " + id, "PL", "Europe/Warsaw",
            new GraphSettings(entra, AppId, CredentialKind.ClientSecret, "E2E_UNUSED_SECRET")));
        Assert.True(saved.IsOk);
        return id;
    }

    /// <summary>A sandbox mailbox and a target for it under <paramref name="policyId"/>.</summary>
    public async Task<string> MailboxTargetAsync(string tenantId, string targetId, string policyId, params string[] groupIds)
    {
        var upn = $"{targetId}@{tenantId}.example";
        Sandbox.SeedUser(Directories[tenantId], new DirectoryUser { UserPrincipalName = upn, DisplayName = targetId });
        var saved = await Targets.SaveAsync(tenantId, new Target(targetId, TargetKind.Mailbox, upn, null, policyId, groupIds));
        Assert.True(saved.IsOk, saved.Message);
        return upn;
    }

    public async Task PolicyAsync(string tenantId, Policy policy) => Assert.True((await Policies.SaveAsync(tenantId, policy)).IsOk);

    public TableHubContactStore Hub(string tenantId) => new(Tables, tenantId);

    public static FieldMap Contact(params (string Field, string Value)[] fields) =>
        FieldMap.From(fields.Select(f => new KeyValuePair<string, string?>(f.Field, f.Value)));

    /// <summary>Sync now through the API, then the job's final state from the job URL.</summary>
    public async Task<JsonElement> SyncAsync(string tenantId, string targetId, string section = PolicySections.Contacts,
        string expectedState = "succeeded")
    {
        using var response = await Http.PostAsync($"api/tenants/{tenantId}/targets/{targetId}/sync?section={section}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/tenants/{tenantId}/jobs/{job.GetProperty("jobId").GetString()}", location);
        return await TestEnvironment.FinishedJobAsync(Http, response, expectedState);
    }

    /// <summary>A job message on the worker's queue, as the Scheduler's output binding writes it.</summary>
    public Task PutAsync(Jobs.JobMessage message) =>
        TestEnvironment.Storage.CreateQueueStore().PutAsync(Queue, JsonSerializer.Serialize(message, Invocation.HandlerJson.Options));

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);
}
