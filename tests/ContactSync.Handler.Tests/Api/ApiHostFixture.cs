using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "management api";
}

/// <summary>The real handler behind the dev host with the ManagementApi function, on the test Azurite. The hub tables
/// have fixed names, so every test works in tenants of its own (random ids).</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-for-the-management-api";
    public ITableStore Tables { get; } = TestEnvironment.Storage.CreateTableStore();
    public ConcurrentQueue<string> Log { get; } = new();
    public DevHost.DevHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = TestEnvironment.UniqueName("a") + "-jobs", ["Jobs__Table"] = TestEnvironment.UniqueName("a") + "jobs",
            ["ContactSync__AdminKey"] = AdminKey,
        }, Log.Enqueue) with
        {
            Functions = new HashSet<string> { "ManagementApi", "Health" },
        };
        Host = await DevHost.DevHost.StartAsync(options);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A client sending <paramref name="key"/> as X-Api-Key (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = Host.BaseAddress };
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    public static object TenantBody(string name = "Acme", string timeZone = "Europe/Warsaw") => new
    {
        displayName = name, defaultRegion = "PL", timeZone,
        graph = new { entraTenantId = "contoso.onmicrosoft.com", clientId = "6f1c2c4e-4f7e-4a43-9a55-0d7f1b1b2a11", credentialKind = "clientSecret", secretReference = "GRAPH_SECRET_ACME" },
    };

    /// <summary>Creates a tenant with a random id; returns its id and API key.</summary>
    public async Task<(string Id, string Key)> NewTenantAsync()
    {
        var id = TestEnvironment.UniqueName("t");
        using var admin = Client(AdminKey);
        using var response = await admin.PutAsJsonAsync($"api/tenants/{id}", TenantBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (id, body.GetProperty("apiKey").GetString()!);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
}
