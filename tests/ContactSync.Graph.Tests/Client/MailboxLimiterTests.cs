using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ContactSync.Graph.Throttling;

namespace ContactSync.Graph.Tests.Client;

/// <summary>The limiter in an HTTP pipeline in front of a fake Graph that records what reaches it.</summary>
public sealed class MailboxLimiterTests
{
    const string Base = "https://graph.example/v1.0/users/";

    [Fact]
    public async Task At_most_four_requests_per_mailbox_are_in_flight_while_other_mailboxes_run_alongside()
    {
        var graph = new RecordingGraph(TimeSpan.FromMilliseconds(20));
        using var http = Pipeline(new MailboxLimits(), graph);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => http.GetAsync($"{Base}user{i % 3}/contacts/{i}")));

        Assert.Equal(60, graph.Arrivals.Count);
        Assert.All(graph.MaxInFlight, m => Assert.Equal(4, m.Value));
        Assert.Equal(3, graph.MaxInFlight.Count);
    }

    [Fact]
    public async Task A_batch_takes_the_whole_concurrency_of_its_mailbox_and_counts_each_inner_request()
    {
        var graph = new RecordingGraph(TimeSpan.FromMilliseconds(30));
        var limiter = new MailboxLimiter(new MailboxLimits { RequestBudget = 30, Window = TimeSpan.FromSeconds(1), WindowMargin = TimeSpan.Zero });
        using var http = Pipeline(limiter, graph);

        var batch = new HttpRequestMessage(HttpMethod.Post, "https://graph.example/v1.0/$batch");
        batch.Options.Set(new HttpRequestOptionsKey<Microsoft.Kiota.Abstractions.IRequestOption>(typeof(MailboxRequestOption).FullName!),
            new MailboxRequestOption("user0", 20));
        var clock = Stopwatch.StartNew();
        var batchCall = http.SendAsync(batch);
        var singles = Enumerable.Range(0, 11).Select(i => http.GetAsync($"{Base}user0/contacts/{i}")).ToList();
        await Task.WhenAll([batchCall, .. singles]);

        Assert.Equal(1, graph.MaxInFlight["$batch"]);
        // 20 + 11 requests against a budget of 30 per second: the last single waits for the batch to age out.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"took only {clock.Elapsed}");
    }

    [Fact]
    public async Task The_budget_holds_over_every_sliding_window()
    {
        var graph = new RecordingGraph(TimeSpan.Zero);
        var window = TimeSpan.FromMilliseconds(500);
        using var http = Pipeline(new MailboxLimits { RequestBudget = 10, Window = window, WindowMargin = TimeSpan.Zero }, graph);

        await Task.WhenAll(Enumerable.Range(0, 35).Select(i => http.GetAsync($"{Base}user0/contacts/{i}")));

        var times = graph.Arrivals.Select(a => a.At).Order().ToList();
        for (var i = 10; i < times.Count; i++)
            Assert.True(times[i] - times[i - 10] >= window, $"11 requests within {times[i] - times[i - 10]}");
    }

    [Fact]
    public async Task A_429_pauses_only_its_mailbox_for_the_retry_after()
    {
        var graph = new RecordingGraph(TimeSpan.Zero) { ThrottleOnce = "user0", RetryAfterSeconds = 1 };
        using var http = Pipeline(new MailboxLimits(), graph);

        var first = await http.GetAsync($"{Base}user0/contacts/a");
        var clock = Stopwatch.StartNew();
        var other = http.GetAsync($"{Base}user1/contacts/b");
        var same = http.GetAsync($"{Base}user0/contacts/c");
        await other;
        var sameWasStillPaused = !same.IsCompleted; // the other mailbox finished while this one waited out Retry-After
        await same;

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.True(sameWasStillPaused, "the other mailbox waited for the throttled one");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"the throttled mailbox went on after {clock.Elapsed}");
    }

    [Fact]
    public async Task Directory_calls_are_not_limited()
    {
        var graph = new RecordingGraph(TimeSpan.FromMilliseconds(20));
        using var http = Pipeline(new MailboxLimits { MaxConcurrency = 1 }, graph);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => http.GetAsync($"https://graph.example/v1.0/users/user{i}?$select=mail")));

        Assert.True(graph.MaxInFlight.Values.Sum() >= 2);
    }

    static HttpClient Pipeline(MailboxLimits limits, RecordingGraph graph) => Pipeline(new MailboxLimiter(limits), graph);

    static HttpClient Pipeline(MailboxLimiter limiter, RecordingGraph graph) =>
        new(new MailboxThrottleHandler(limiter) { InnerHandler = graph });

    /// <summary>Answers 200 after a delay; records arrivals and the most requests in flight at once per mailbox.</summary>
    sealed class RecordingGraph(TimeSpan latency) : HttpMessageHandler
    {
        readonly ConcurrentDictionary<string, int> inFlight = new();
        int throttled;
        public ConcurrentBag<(string Key, DateTimeOffset At)> Arrivals { get; } = [];
        public ConcurrentDictionary<string, int> MaxInFlight { get; } = new();
        public string? ThrottleOnce { get; init; }
        public int RetryAfterSeconds { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var key = segments.Length > 2 && segments[1] == "users" && segments.Length > 3 ? segments[2] : segments.Last();
            Arrivals.Add((key, DateTimeOffset.UtcNow));
            var now = inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
            MaxInFlight.AddOrUpdate(key, now, (_, m) => Math.Max(m, now));
            try
            {
                if (key == ThrottleOnce && Interlocked.Exchange(ref throttled, 1) == 0)
                {
                    var refused = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}") };
                    refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(RetryAfterSeconds));
                    return refused;
                }
                if (latency > TimeSpan.Zero) await Task.Delay(latency, ct);
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
            }
            finally { inFlight.AddOrUpdate(key, 0, (_, n) => n - 1); }
        }
    }
}
