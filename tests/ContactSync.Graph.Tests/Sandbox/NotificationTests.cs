using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using Microsoft.AspNetCore.Http;
using static ContactSync.Graph.Tests.Sandbox.Subscribe;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class NotificationTests
{
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
        var attempts = await NotificationAttemptsAsync(h.Server);
        Assert.Equal([500, 503, 202], attempts.Select(a => a.Status ?? 0));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task A_burst_of_changes_goes_out_in_one_POST_and_a_slow_answer_is_retried()
    {
        var (h, hook) = await StartAsync(new SandboxOptions { NotificationTimeout = TimeSpan.FromSeconds(2), NotificationRetryDelay = TimeSpan.FromMilliseconds(100) });
        await using var _ = h;
        await using var __ = hook;
        Assert.Equal(201, (int)(await h.Http.PostAsync("subscriptions", SandboxHarness.Json(Body(hook.Url, $"/users/{h.Ann.Id}/contacts")))).StatusCode);
        hook.NotificationDelays.Enqueue(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 5; i++) h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = $"Burst{i}" });
        await hook.WaitForAsync(items => items.Count >= 10);
        var attempts = await NotificationAttemptsAsync(h.Server);
        Assert.Equal(2, attempts.Count);
        Assert.Equal((null, false, 5), (attempts[0].Status, attempts[0].Succeeded, attempts[0].Items));
        Assert.Equal((202, true, 2), (attempts[1].Status, attempts[1].Succeeded, attempts[1].Attempt));
        Assert.Equal(2, hook.Posts.Count);
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
}
