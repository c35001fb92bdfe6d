using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactSync.Graph.Tests.Sandbox;

/// <summary>A real HTTP endpoint for notifications: answers validation requests as told, records every notification POST.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<JsonObject> posts = new();
    readonly ConcurrentQueue<string> rawTokens = new();

    WebhookReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }
    /// <summary>How to answer a validation request, given the decoded token. Default: 200 text/plain with the decoded token.</summary>
    public Func<string, string, Task<IResult>> OnValidation { get; set; } = (decoded, _) => Task.FromResult(Results.Text(decoded, "text/plain"));
    /// <summary>Status codes for successive notification POSTs; 202 once they run out.</summary>
    public ConcurrentQueue<int> NotificationStatuses { get; } = new();
    /// <summary>Delays before answering successive notification POSTs (the POST is still recorded).</summary>
    public ConcurrentQueue<TimeSpan> NotificationDelays { get; } = new();
    public IReadOnlyList<JsonObject> Posts => posts.ToArray();
    /// <summary>validationToken as it appeared on the wire (still URL-encoded).</summary>
    public IReadOnlyList<string> RawTokens => rawTokens.ToArray();
    public IEnumerable<JsonObject> Items => Posts.SelectMany(p => p["value"]!.AsArray().Select(v => v!.AsObject()));

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/hook", (Func<HttpContext, Task<IResult>>)(c => self!.HandleAsync(c)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return self = new WebhookReceiver(app, address.TrimEnd('/') + "/hook?code=fn-key");
    }

    async Task<IResult> HandleAsync(HttpContext c)
    {
        if (c.Request.Query.ContainsKey("validationToken"))
        {
            var raw = (c.Request.QueryString.Value ?? "").Split('&', '?').First(p => p.StartsWith("validationToken="))["validationToken=".Length..];
            rawTokens.Enqueue(raw);
            return await OnValidation(c.Request.Query["validationToken"].ToString(), raw);
        }
        Assert.Equal("fn-key", c.Request.Query["code"].ToString());
        posts.Enqueue((await JsonNode.ParseAsync(c.Request.Body))!.AsObject());
        if (NotificationDelays.TryDequeue(out var delay)) await Task.Delay(delay);
        return Results.StatusCode(NotificationStatuses.TryDequeue(out var status) ? status : 202);
    }

    /// <summary>Waits until <paramref name="done"/> holds for the items received so far.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<JsonObject>, bool> done, int timeoutMs = 10_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!done(Items.ToList()))
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out; received {Items.Count()} notification items.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
