using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using Microsoft.AspNetCore.Http;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class SubscriptionTests
{
    static string Body(string notificationUrl, string resource, string? lifecycleUrl = null, DateTimeOffset? expires = null) => new JsonObject
    {
        ["changeType"] = "created,updated,deleted",
        ["notificationUrl"] = notificationUrl,
        ["lifecycleNotificationUrl"] = lifecycleUrl,
        ["resource"] = resource,
        ["expirationDateTime"] = (expires ?? DateTimeOffset.UtcNow.AddDays(2)).ToString("o"),
        ["clientState"] = "secret-state",
    }.ToJsonString();

    static async Task<(SandboxHarness H, WebhookReceiver Hook)> StartAsync(SandboxOptions? options = null) =>
        (await SandboxHarness.StartAsync(options), await WebhookReceiver.StartAsync());

    [Theory]
    [InlineData("plain-token")]
    [InlineData("a+b")]
    [InlineData("already%2Bencoded")]
    [InlineData("Validation: Testing client application reachability for subscription Request-Id: 1234")]
    [InlineData("Zażółć gęślą jaźń + 100% ü")]
    public async Task The_handshake_succeeds_when_the_endpoint_echoes_the_decoded_token(string token)
    {
        var (h, hook) = await StartAsync(new SandboxOptions { ValidationTokenFactory = () => token });
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")));
        var subscription = await SandboxHarness.BodyAsync(created);
        Assert.True(201 == (int)created.StatusCode, string.Join("; ", h.Server.Control.Deliveries()));
        Assert.Equal("secret-state", subscription["clientState"]!.GetValue<string>());
        Assert.Equal(Uri.EscapeDataString(token), Assert.Single(hook.RawTokens));
        Assert.Single(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task Echoing_the_encoded_token_fails_validation_and_creates_nothing()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        hook.OnValidation = (_, raw) => Task.FromResult(Results.Text(raw, "text/plain"));
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task A_late_or_non_text_answer_fails_validation()
    {
        var (h, hook) = await StartAsync(new SandboxOptions { ValidationTimeout = TimeSpan.FromSeconds(1) });
        await using var _ = h;
        await using var __ = hook;
        hook.OnValidation = async (decoded, _) => { await Task.Delay(1500); return Results.Text(decoded, "text/plain"); };
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        hook.OnValidation = (decoded, _) => Task.FromResult(Results.Json(decoded));
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts"))), 400, "ValidationError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task The_lifecycle_url_is_validated_too_and_limits_are_enforced()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        var resource = $"/users/{h.Ann.Id}/contacts";
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, resource, "http://127.0.0.1:1/dead"))), 400, "ValidationError");
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, resource, expires: DateTimeOffset.UtcNow.AddMinutes(10_090)))), 400, "ExtensionError");
        var longState = JsonNode.Parse(Body(hook.Url, resource))!.AsObject();
        longState["clientState"] = new string('x', 129);
        await SandboxHarness.AssertErrorAsync(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(longState.ToJsonString())), 400, "ExtensionError");
        Assert.Empty(h.Server.Control.Subscriptions());
    }

    [Fact]
    public async Task An_Outlook_edit_is_notified_with_Graphs_payload()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        var folder = h.Server.Control.CreateFolder(h.Ann.Id, "Synced");
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contactFolders/{folder.Id}/contacts")));
        var subscriptionId = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();

        h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Not watched" });
        var contact = h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Watched" }, folder.Id);
        var id = contact["id"]!.GetValue<string>();
        var updated = h.Server.OutlookUpdate(h.Ann.Id, id, new JsonObject { ["jobTitle"] = "Boss" });
        h.Server.OutlookDelete(h.Ann.Id, id);

        await hook.WaitForAsync(items => items.Count >= 3);
        await Task.Delay(300);
        var items = hook.Items.ToList();
        // Graph does not promise order across POSTs: compare as a set.
        Assert.Equal(["created", "deleted", "updated"], items.Select(i => i["changeType"]!.GetValue<string>()).Order());
        Assert.All(items, i =>
        {
            Assert.Equal(subscriptionId, i["subscriptionId"]!.GetValue<string>());
            Assert.Equal("secret-state", i["clientState"]!.GetValue<string>());
            Assert.Equal(SandboxHarness.TenantId, i["tenantId"]!.GetValue<string>());
            Assert.Equal(id, i["resourceData"]!["id"]!.GetValue<string>());
            Assert.Equal("#Microsoft.Graph.Contact", i["resourceData"]!["@odata.type"]!.GetValue<string>());
            Assert.Equal($"Users/{h.Ann.Id}/Contacts/{id}", i["resource"]!.GetValue<string>());
            Assert.NotNull(i["subscriptionExpirationDateTime"]);
        });
        Assert.Equal(updated["@odata.etag"]!.GetValue<string>(), items.Single(i => i["changeType"]!.GetValue<string>() == "updated")["resourceData"]!["@odata.etag"]!.GetValue<string>());
        Assert.All(h.Server.Control.Deliveries().Where(d => d.Kind == "notification"), d => Assert.True(d.Succeeded));
    }

    [Fact]
    public async Task A_failing_endpoint_gets_the_notification_again()
    {
        var (h, hook) = await StartAsync(new SandboxOptions { NotificationRetryDelay = TimeSpan.FromMilliseconds(100) });
        await using var _ = h;
        await using var __ = hook;
        hook.NotificationStatuses.Enqueue(500);
        hook.NotificationStatuses.Enqueue(503);
        Assert.Equal(201, (int)(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")))).StatusCode);
        await h.CreateContactAsync(h.Ann.Id, """{"givenName":"Api"}""");
        await hook.WaitForAsync(items => items.Count >= 3);
        var attempts = h.Server.Control.Deliveries().Where(d => d.Kind == "notification").ToList();
        Assert.Equal([500, 503, 202], attempts.Select(a => a.Status ?? 0));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task A_burst_of_changes_goes_out_in_one_POST_and_a_slow_answer_is_retried()
    {
        var (h, hook) = await StartAsync(new SandboxOptions { NotificationTimeout = TimeSpan.FromMilliseconds(500), NotificationRetryDelay = TimeSpan.FromMilliseconds(100) });
        await using var _ = h;
        await using var __ = hook;
        Assert.Equal(201, (int)(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")))).StatusCode);
        hook.NotificationDelays.Enqueue(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++) h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = $"Burst{i}" });
        await hook.WaitForAsync(items => items.Count >= 10);
        var attempts = h.Server.Control.Deliveries().Where(d => d.Kind == "notification").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal((null, false, 5), (attempts[0].Status, attempts[0].Succeeded, attempts[0].Items));
        Assert.Equal((202, true, 2), (attempts[1].Status, attempts[1].Succeeded, attempts[1].Attempt));
        Assert.Equal(2, hook.Posts.Count);
    }

    [Fact]
    public async Task Another_tenants_mailbox_cannot_be_subscribed()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        var foreign = h.Client("fabrikam", "app-9");
        Assert.Equal(403, (int)(await foreign.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")))).StatusCode);
        Assert.Empty(hook.RawTokens);
    }

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
    public async Task Delivery_pauses_after_reauthorizationRequired_until_the_app_reauthorizes()
    {
        var (h, hook) = await StartAsync();
        await using var _ = h;
        await using var __ = hook;
        using var created = await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts", hook.Url)));
        var id = (await SandboxHarness.BodyAsync(created))["id"]!.GetValue<string>();
        h.Server.Control.FireLifecycle(id, "reauthorizationRequired");
        await hook.WaitForAsync(items => items.Count == 1);

        h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Held" });
        await Task.Delay(500);
        Assert.Single(hook.Items);
        Assert.Equal(204, (int)(await h.Http.PostAsync($"subscriptions/{id}/reauthorize", null)).StatusCode);
        await hook.WaitForAsync(items => items.Count == 2);
        Assert.Equal("created", hook.Items.Last()["changeType"]!.GetValue<string>());
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
