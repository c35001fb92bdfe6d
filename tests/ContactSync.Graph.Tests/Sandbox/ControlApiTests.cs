using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;

namespace ContactSync.Graph.Tests.Sandbox;

/// <summary>The control API over HTTP, the way dev tools and the standalone sandbox are driven.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Seed_edit_as_Outlook_and_read_counters_over_http()
    {
        await using var server = await SandboxServer.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/_sandbox/") };
        Assert.True((await control.PutAsJsonAsync("tenants/t1", new { appIds = new[] { "a1" } })).IsSuccessStatusCode);
        using var seeded = await control.PostAsJsonAsync("tenants/t1/users", new { userPrincipalName = "zoe@t1.example", displayName = "Zoe", businessPhones = new[] { "+1 555 0100" } });
        var userId = (await seeded.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var group = await control.PostAsJsonAsync("tenants/t1/groups", new { displayName = "All", memberIds = new[] { userId } });
        Assert.Equal(201, (int)group.StatusCode);

        using var outlook = await control.PostAsJsonAsync("mailboxes/zoe@t1.example/contacts", new { givenName = "Made", surname = "In Outlook" });
        var contactId = (await outlook.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.True((await control.PatchAsync($"mailboxes/{userId}/contacts/{contactId}", SandboxHarness.Json("""{"jobTitle":"CEO"}"""))).IsSuccessStatusCode);

        using var graph = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/v1.0/") };
        graph.DefaultRequestHeaders.Authorization = new("Bearer", SandboxServer.TokenFor("t1", "a1"));
        var read = await graph.GetFromJsonAsync<JsonObject>($"users/{userId}/contacts/{contactId}");
        Assert.Equal("CEO", read!["jobTitle"]!.GetValue<string>());
        var members = await graph.GetFromJsonAsync<JsonObject>($"groups/{(await group.Content.ReadFromJsonAsync<JsonObject>())!["id"]}/members");
        Assert.Equal("Zoe", Assert.Single(members!["value"]!.AsArray())!["displayName"]!.GetValue<string>());

        var counters = await control.GetFromJsonAsync<JsonObject>($"mailboxes/{userId}/counters");
        Assert.Equal(1, counters!["requests"]!.GetValue<long>());
        Assert.True((await control.DeleteAsync($"mailboxes/{userId}/contacts/{contactId}")).IsSuccessStatusCode);
        var listed = await control.GetFromJsonAsync<JsonObject>($"mailboxes/{userId}/contacts");
        Assert.Empty(listed!["value"]!.AsArray());

        Assert.True((await control.PostAsync("reset", null)).IsSuccessStatusCode);
        Assert.Equal(401, (int)(await graph.GetAsync("users")).StatusCode);
    }

    [Fact]
    public async Task Throttling_and_faults_are_set_over_http()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(h.Server.BaseUrl + "/_sandbox/") };
        Assert.True((await control.PutAsJsonAsync($"mailboxes/{h.Bob.Id}/faults", new { nextFaults = 1 })).IsSuccessStatusCode);
        Assert.Equal(503, (int)(await h.Http.GetAsync($"users/{h.Bob.Id}/contacts")).StatusCode);
        Assert.Equal(200, (int)(await h.Http.GetAsync($"users/{h.Bob.Id}/contacts")).StatusCode);
        Assert.True((await control.PutAsJsonAsync("throttling", new { requestBudget = 1, windowSeconds = 30, concurrencyCap = 4 })).IsSuccessStatusCode);
        Assert.Equal(200, (int)(await h.Http.GetAsync($"users/{h.Ann.Id}/contacts")).StatusCode);
        Assert.Equal(429, (int)(await h.Http.GetAsync($"users/{h.Ann.Id}/contacts")).StatusCode);
    }
}
