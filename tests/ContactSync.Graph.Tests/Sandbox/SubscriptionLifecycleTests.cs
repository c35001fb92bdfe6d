using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using Microsoft.AspNetCore.Http;
using static ContactSync.Graph.Tests.Sandbox.Subscribe;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class SubscriptionLifecycleTests
{
    [Fact]
    public async Task Lifecycle_events_reach_the_lifecycle_url_and_subscriptionRemoved_removes_it()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts", hook.Url)));
        var id = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();

        h.Server.Control.FireLifecycle(id, "reauthorizationRequired");
        await hook.WaitForAsync(items => items.Count == 1);
        Assert.Equal(204, (int)(await h.Http.PostAsync($"subscriptions/{id}/reauthorize", null)).StatusCode);
        using var controlHttp = new HttpClient();
        Assert.Equal(202, (int)(await controlHttp.PostAsJsonAsync($"{h.Server.BaseUrl}/_sandbox/subscriptions/{id}/lifecycle", new { lifecycleEvent = "missed" })).StatusCode);
        h.Server.Control.FireLifecycle(id, "subscriptionRemoved");
        await hook.WaitForAsync(items => items.Count == 3);
        var events = hook.Items.Select(i => i["lifecycleEvent"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["missed", "reauthorizationRequired", "subscriptionRemoved"], events);
        Assert.All(hook.Items, i => Assert.Equal("secret-state", i["clientState"]!.GetValue<string>()));
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync($"subscriptions/{id}"), 404, "ResourceNotFound");
    }

    [Fact]
    public async Task Renewal_extends_expiry_and_expired_subscriptions_disappear()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (h, hook) = await StartAsync(new SandboxOptions { Clock = clock });
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts", expires: clock.GetUtcNow().AddHours(1))));
        var id = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();
        var renewTo = clock.GetUtcNow().AddHours(3);
        using var renewed = await h.Http.PatchAsync($"subscriptions/{id}", SandboxHarness.Json($$"""{"expirationDateTime":"{{renewTo:o}}"}"""));
        Assert.Equal(200, (int)renewed.StatusCode);
        Assert.Equal(renewTo, DateTimeOffset.Parse((await SandboxHarness.BodyAsync(renewed))["expirationDateTime"]!.GetValue<string>()), TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(200, (int)(await h.Http.GetAsync($"subscriptions/{id}")).StatusCode);
        clock.Advance(TimeSpan.FromHours(2));
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync($"subscriptions/{id}"), 404, "ResourceNotFound");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task Delete_removes_the_subscription()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")));
        var id = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();
        Assert.Equal(204, (int)(await h.Http.DeleteAsync($"subscriptions/{id}")).StatusCode);
        await SandboxHarness.AssertErrorAsync(await h.Http.GetAsync($"subscriptions/{id}"), 404, "ResourceNotFound");
        h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Quiet" });
        await Task.Delay(300);
        Assert.Empty(hook.Posts);
    }
}
