namespace ContactSync.Graph.Tests.Sandbox;

public sealed class AuthTests
{
    [Fact]
    public async Task Without_a_bearer_token_every_graph_route_is_401()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(h.Server.BaseUrl + "/v1.0/") };
        foreach (var path in new[] { "users", $"users/{h.Ann.Id}/contacts", "subscriptions" })
            await SandboxHarness.AssertErrorAsync(await anonymous.GetAsync(path), 401, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task A_token_for_an_unknown_tenant_or_an_unregistered_app_is_401()
    {
        await using var h = await SandboxHarness.StartAsync();
        await SandboxHarness.AssertErrorAsync(await h.Client("nowhere", SandboxHarness.AppId).GetAsync("users"), 401, "InvalidAuthenticationToken");
        await SandboxHarness.AssertErrorAsync(await h.Client(SandboxHarness.TenantId, "rogue-app").GetAsync("users"), 401, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task Another_tenants_app_cannot_read_the_mailbox_or_see_the_user()
    {
        await using var h = await SandboxHarness.StartAsync();
        var foreign = h.Client("fabrikam", "app-9");
        await SandboxHarness.AssertErrorAsync(await foreign.GetAsync($"users/{h.Ann.Id}/contacts"), 403, "ErrorAccessDenied");
        await SandboxHarness.AssertErrorAsync(await foreign.GetAsync($"users/{h.Ann.Id}"), 404, "Request_ResourceNotFound");
        Assert.Equal(0, h.Server.Counters(h.Ann.Id).Requests);
    }
}
