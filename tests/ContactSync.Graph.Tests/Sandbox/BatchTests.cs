using System.Text.Json.Nodes;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class BatchTests
{
    static JsonObject Create(string id, string user, string name) => new()
    {
        ["id"] = id, ["method"] = "POST", ["url"] = $"/users/{user}/contacts",
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" }, ["body"] = new JsonObject { ["givenName"] = name },
    };

    static async Task<HttpResponseMessage> PostBatch(SandboxHarness h, params JsonObject[] requests) =>
        await h.Http.PostAsync("$batch", SandboxHarness.Json(new JsonObject { ["requests"] = new JsonArray(requests) }.ToJsonString()));

    [Fact]
    public async Task Twenty_creates_run_each_with_their_own_status_and_count_as_twenty_requests_in_one_batch()
    {
        await using var h = await SandboxHarness.StartAsync();
        using var response = await PostBatch(h, Enumerable.Range(1, 20).Select(i => Create($"{i}", h.Ann.Id, $"B{i}")).ToArray());
        Assert.Equal(200, (int)response.StatusCode);
        var responses = (await SandboxHarness.BodyAsync(response))["responses"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i}").Order(), responses.Select(r => r!["id"]!.GetValue<string>()).Order());
        Assert.All(responses, r =>
        {
            Assert.Equal(201, r!["status"]!.GetValue<int>());
            Assert.StartsWith("application/json", r["headers"]!["Content-Type"]!.GetValue<string>());
            Assert.NotNull(r["body"]!["changeKey"]);
        });
        Assert.Equal(20, h.Server.Contacts(h.Ann.Id).Count);
        var counters = h.Server.Counters(h.Ann.Id);
        Assert.Equal((20, 20, 1L), (counters.Requests, counters.Writes, counters.Batches));
        Assert.True(counters.MaxConcurrency <= 4);
    }

    [Fact]
    public async Task More_than_twenty_duplicate_ids_or_absolute_urls_are_400_and_nothing_runs()
    {
        await using var h = await SandboxHarness.StartAsync();
        await SandboxHarness.AssertErrorAsync(await PostBatch(h, Enumerable.Range(1, 21).Select(i => Create($"{i}", h.Ann.Id, "x")).ToArray()), 400, "BadRequest");
        await SandboxHarness.AssertErrorAsync(await PostBatch(h, Create("1", h.Ann.Id, "x"), Create("1", h.Ann.Id, "y")), 400, "BadRequest");
        var absolute = Create("1", h.Ann.Id, "x");
        absolute["url"] = $"{h.Server.BaseUrl}/v1.0/users/{h.Ann.Id}/contacts";
        await SandboxHarness.AssertErrorAsync(await PostBatch(h, absolute), 400, "BadRequest");
        Assert.Empty(h.Server.Contacts(h.Ann.Id));
    }

    [Fact]
    public async Task A_failed_dependency_makes_its_dependents_424_and_a_body_without_Content_Type_is_400()
    {
        await using var h = await SandboxHarness.StartAsync();
        var contact = h.Server.OutlookCreate(h.Ann.Id, new JsonObject { ["givenName"] = "Target" });
        var stalePatch = new JsonObject
        {
            ["id"] = "1", ["method"] = "PATCH", ["url"] = $"/users/{h.Ann.Id}/contacts/{contact["id"]}",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json", ["If-Match"] = "W/\"stale\"" },
            ["body"] = new JsonObject { ["jobTitle"] = "x" },
        };
        var dependent = Create("2", h.Ann.Id, "After");
        dependent["dependsOn"] = new JsonArray("1");
        var second = Create("3", h.Ann.Id, "AfterAfter");
        second["dependsOn"] = new JsonArray("2");
        var noContentType = Create("4", h.Ann.Id, "NoType");
        noContentType["headers"] = new JsonObject();
        using var response = await PostBatch(h, stalePatch, dependent, second, noContentType);
        Assert.Equal(200, (int)response.StatusCode);
        var byId = (await SandboxHarness.BodyAsync(response))["responses"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        Assert.Equal(412, byId["1"]["status"]!.GetValue<int>());
        Assert.Equal("ErrorIrresolvableConflict", byId["1"]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(424, byId["2"]["status"]!.GetValue<int>());
        Assert.Equal(424, byId["3"]["status"]!.GetValue<int>());
        Assert.Equal(400, byId["4"]["status"]!.GetValue<int>());
        Assert.Equal("Target", Assert.Single(h.Server.Contacts(h.Ann.Id))["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inner_requests_are_throttled_on_their_own_with_Retry_After()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Server.Control.SetThrottling(new(RequestBudget: 3, WindowSeconds: 60));
        using var response = await PostBatch(h, Enumerable.Range(1, 5).Select(i => Create($"{i}", h.Ann.Id, $"T{i}")).ToArray());
        var responses = (await SandboxHarness.BodyAsync(response))["responses"]!.AsArray();
        Assert.Equal(3, responses.Count(r => r!["status"]!.GetValue<int>() == 201));
        var throttled = responses.Where(r => r!["status"]!.GetValue<int>() == 429).ToList();
        Assert.Equal(2, throttled.Count);
        Assert.All(throttled, r => Assert.InRange(int.Parse(r!["headers"]!["Retry-After"]!.GetValue<string>()), 1, 60));
        Assert.Equal(3, h.Server.Contacts(h.Ann.Id).Count);
        Assert.Equal(2, h.Server.Counters(h.Ann.Id).Throttled);
    }
}
