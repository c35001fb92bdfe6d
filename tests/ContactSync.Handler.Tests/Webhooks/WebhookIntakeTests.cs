using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;

namespace ContactSync.Handler.Tests.Webhooks;

/// <summary>The webhook's request path over real HTTP: the validation handshake, verification of every item, and
/// coalescing into one job per target per window.</summary>
public sealed class WebhookIntakeTests(WebhookHostFixture f) : IClassFixture<WebhookHostFixture>
{
    private const string Key = "?code=" + WebhookHostFixture.FunctionKey;

    [Theory]
    [InlineData("Validation%3A+Testing+client+application", "Validation: Testing client application")]
    [InlineData("a%2Bb+c", "a+b c")]
    [InlineData("plus%20and%20spaces%20%2B100%25", "plus and spaces +100%")]
    [InlineData("%C3%BC%C5%82%C3%B3%20%E2%9C%93", "üłó ✓")]
    public async Task The_handshake_answers_the_decoded_token_as_plain_text_on_both_urls(string encoded, string token)
    {
        foreach (var route in new[] { "notifications", "lifecycle" })
        {
            using var response = await f.Http.PostAsync($"api/graph/{route}{Key}&validationToken={encoded}",
                new StringContent("", Encoding.UTF8, "text/plain"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(token, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Without_the_function_key_the_host_refuses_the_call()
    {
        using var response = await f.Http.PostAsync("api/graph/notifications?validationToken=x", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_clientState_or_an_unknown_subscription_is_answered_202_and_makes_no_job()
    {
        var (t, _) = await f.TenantWithTargetAsync();
        var key = new SyncKey(t, "ann", "contacts");
        var secret = ClientStates.New();
        var subscriptionId = Guid.NewGuid().ToString();
        await f.Subscriptions.SaveAsync(new SubscriptionRecord(subscriptionId, key, "/users/x/contacts", ClientStates.Hash(secret),
            DateTimeOffset.UtcNow.AddHours(1)));

        var bad = Body(Item(subscriptionId, ClientStates.New(), "r1"), Item(Guid.NewGuid().ToString(), secret, "r2"),
            Item(subscriptionId, null, "r3"), Item(subscriptionId, secret[..^1], "r4"));
        using var response = await f.Http.PostAsync("api/graph/notifications" + Key, bad);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3)); // past the coalescing window: a job would exist by now
        Assert.Empty(await f.JobsAsync(t));
        Assert.Empty(await new PendingChanges(f.Tables).ReadAsync(key));
    }

    [Fact]
    public async Task Fifty_notifications_for_one_target_within_a_second_become_one_partial_sync_job()
    {
        var (t, _) = await f.TenantWithTargetAsync();
        var key = new SyncKey(t, "ann", "contacts");
        var secret = ClientStates.New();
        var subscriptionId = Guid.NewGuid().ToString();
        await f.Subscriptions.SaveAsync(new SubscriptionRecord(subscriptionId, key, "/users/x/contacts", ClientStates.Hash(secret),
            DateTimeOffset.UtcNow.AddHours(1)));

        // The fixture's coalescing window (5 s) holds the whole burst; the benchmark measures how fast it is acknowledged.
        var posts = Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await f.Http.PostAsync("api/graph/notifications" + Key, Body(Item(subscriptionId, secret, $"remote-{i}")));
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(posts), s => Assert.Equal(HttpStatusCode.Accepted, s));

        var job = await f.FinishedJobAsync(t, "notified", 0);
        Assert.Equal("Succeeded", job.GetString("State"));
        Assert.StartsWith("partial sync of 50 id(s)", job.GetString("Result"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await f.JobsAsync(t));
        Assert.Empty(await new PendingChanges(f.Tables).ReadAsync(key));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        using var response = await f.Http.PostAsync("api/graph/notifications" + Key, new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static JsonObject Item(string subscriptionId, string? clientState, string id) => new()
    {
        ["subscriptionId"] = subscriptionId, ["clientState"] = clientState, ["changeType"] = "updated",
        ["resource"] = $"Users/u/Contacts/{id}",
        ["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Contact", ["@odata.etag"] = "W/\"k1\"", ["id"] = id },
    };

    private static StringContent Body(params JsonObject[] items) =>
        new(new JsonObject { ["value"] = new JsonArray(items) }.ToJsonString(), Encoding.UTF8, "application/json");
}
