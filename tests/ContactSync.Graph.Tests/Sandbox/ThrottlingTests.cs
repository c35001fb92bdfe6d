using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;

namespace ContactSync.Graph.Tests.Sandbox;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task Over_the_request_budget_is_429_with_Retry_After_from_the_window_and_other_mailboxes_are_unaffected()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var h = await SandboxHarness.StartAsync(new SandboxOptions { Clock = clock, Throttling = new(RequestBudget: 5, WindowSeconds: 60) });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (int)(await h.Http.GetAsync($"users/{h.Ann.Id}/contacts")).StatusCode);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        using var throttled = await h.Http.GetAsync($"users/{h.Ann.Id}/contacts");
        Assert.Equal(55, int.Parse(throttled.Headers.GetValues("Retry-After").Single()));
        await SandboxHarness.AssertErrorAsync(throttled, 429, "ApplicationThrottled");

        Assert.Equal(200, (int)(await h.Http.GetAsync($"users/{h.Bob.Id}/contacts")).StatusCode);
        Assert.Equal(200, (int)(await h.Client(SandboxHarness.TenantId, "app-2").GetAsync($"users/{h.Ann.Id}/contacts")).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(56));
        Assert.Equal(200, (int)(await h.Http.GetAsync($"users/{h.Ann.Id}/contacts")).StatusCode);
        var counters = h.Server.Counters(h.Ann.Id);
        Assert.Equal((8L, 1L), (counters.Requests, counters.Throttled));
    }

    [Fact]
    public async Task Eight_parallel_slow_requests_admit_at_most_four()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Server.Control.SetFaults(new FaultSettings(LatencyMs: 1500), h.Ann.Id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Http.GetAsync($"users/{h.Ann.Id}/contacts")));
        Assert.Equal(4, responses.Count(r => (int)r.StatusCode == 200));
        var refused = responses.Where(r => (int)r.StatusCode == 429).ToList();
        Assert.Equal(4, refused.Count);
        foreach (var r in refused)
        {
            Assert.Equal("1", r.Headers.GetValues("Retry-After").Single());
            var error = (await SandboxHarness.BodyAsync(r))["error"]!;
            Assert.Equal("ApplicationThrottled", error["code"]!.GetValue<string>());
            Assert.Contains("MailboxConcurrency", error["message"]!.GetValue<string>());
        }
        Assert.Equal(4, h.Server.Counters(h.Ann.Id).MaxConcurrency);
        Assert.Equal(4, h.Server.Counters(h.Ann.Id).Throttled);
    }

    [Fact]
    public async Task Injected_faults_answer_503_then_requests_pass_again()
    {
        await using var h = await SandboxHarness.StartAsync();
        h.Server.Control.SetFaults(new FaultSettings(NextFaults: 2));
        using var first = await h.Http.PostAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json("""{"givenName":"F"}"""));
        await SandboxHarness.AssertErrorAsync(first, 503, "ServiceNotAvailable");
        Assert.Equal(503, (int)(await h.Http.GetAsync($"users/{h.Bob.Id}/contacts")).StatusCode);
        Assert.Equal(201, (int)(await h.Http.PostAsync($"users/{h.Ann.Id}/contacts", SandboxHarness.Json("""{"givenName":"F"}"""))).StatusCode);
        Assert.Single(h.Server.Contacts(h.Ann.Id));
        Assert.Equal((1L, 1L), (h.Server.Counters(h.Ann.Id).Faults, h.Server.Counters(h.Ann.Id).Writes));
    }
}
