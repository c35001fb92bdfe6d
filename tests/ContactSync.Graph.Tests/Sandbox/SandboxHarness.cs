using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using ContactSync.GraphSandbox.Model;

namespace ContactSync.Graph.Tests.Sandbox;

/// <summary>A fresh sandbox per test with one tenant, one app and two users; an HttpClient that speaks to it as the app.</summary>
public sealed class SandboxHarness : IAsyncDisposable
{
    public const string TenantId = "contoso";
    public const string AppId = "app-1";

    SandboxHarness(SandboxServer server, DirectoryUser ann, DirectoryUser bob)
    {
        Server = server;
        Ann = ann;
        Bob = bob;
        Http = Client(TenantId, AppId);
    }

    public SandboxServer Server { get; }
    public DirectoryUser Ann { get; }
    public DirectoryUser Bob { get; }
    public HttpClient Http { get; }

    public static async Task<SandboxHarness> StartAsync(SandboxOptions? options = null)
    {
        var server = await SandboxServer.StartAsync(options);
        server.SeedTenant(TenantId, AppId, "app-2");
        server.SeedTenant("fabrikam", "app-9");
        var ann = server.SeedUser(TenantId, new DirectoryUser { UserPrincipalName = "ann@contoso.example", Mail = "ann@contoso.example", DisplayName = "Ann Able", GivenName = "Ann", Surname = "Able", JobTitle = "Buyer", BusinessPhones = ["+48 22 555 0101"] });
        var bob = server.SeedUser(TenantId, new DirectoryUser { UserPrincipalName = "bob@contoso.example", Mail = "bob@contoso.example", DisplayName = "Bob Baker" });
        return new SandboxHarness(server, ann, bob);
    }

    public HttpClient Client(string tenantId, string appId)
    {
        var http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl + "/v1.0/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SandboxServer.TokenFor(tenantId, appId));
        return http;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<JsonObject> CreateContactAsync(string user, string json, string? folderId = null)
    {
        var path = folderId is null ? $"users/{user}/contacts" : $"users/{user}/contactFolders/{folderId}/contacts";
        using var response = await Http.PostAsync(path, Json(json));
        Assert.Equal(201, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var error = (await BodyAsync(response))["error"]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.NotNull(error["innerError"]?["request-id"]);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
