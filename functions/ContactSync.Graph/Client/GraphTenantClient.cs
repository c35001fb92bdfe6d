using Azure.Core;
using ContactSync.Graph.Configuration;
using ContactSync.Graph.Throttling;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ContactSync.Graph.Client;

/// <summary>
/// One tenant's Graph client: the SDK's own middleware from <see cref="GraphClientFactory"/> (retry with Retry-After,
/// redirects, telemetry), then immutable ids and the per-mailbox limiter closest to the wire. One per tenant (one app
/// id), shared by every mailbox of that tenant so that the limiter sees all of its requests.
/// </summary>
public sealed class GraphTenantClient : IDisposable
{
    /// <summary>The SDK's cap on retries; the limiter paces requests so that retries stay rare.</summary>
    public const int MaxRetries = 10;

    readonly HttpClient http;

    GraphTenantClient(GraphTenantSettings settings, MailboxLimiter limiter, HttpClient http, GraphServiceClient graph)
    {
        Settings = settings;
        Limiter = limiter;
        this.http = http;
        Graph = graph;
    }

    public GraphTenantSettings Settings { get; }
    public MailboxLimiter Limiter { get; }
    public GraphServiceClient Graph { get; }

    /// <param name="finalHandler">The transport (tests and the benchmark pass a tuned one); the SDK's default otherwise.</param>
    /// <param name="credential">Overrides the credential the settings describe.</param>
    public static GraphTenantClient Create(GraphTenantSettings settings, MailboxLimits? limits = null,
        HttpMessageHandler? finalHandler = null, TokenCredential? credential = null, TimeProvider? clock = null)
    {
        var limiter = new MailboxLimiter(limits ?? MailboxLimits.Graph, clock);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var retry = handlers.Single(h => h is RetryHandler);
        handlers[handlers.IndexOf(retry)] = new RetryHandler(new RetryHandlerOption { MaxRetry = MaxRetries });
        handlers.Add(new PreferImmutableIdHandler());
        handlers.Add(new MailboxThrottleHandler(limiter, clock));
        var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        http.Timeout = TimeSpan.FromMinutes(10); // retries after long Retry-After pauses happen inside one call
        var tokens = new TokenCredentialTokenProvider(credential ?? GraphCredentials.Create(settings), settings.Scope,
            new Uri(settings.BaseUrl).Host);
        var graph = new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(tokens), settings.VersionedBaseUrl);
        return new GraphTenantClient(settings, limiter, http, graph);
    }

    public void Dispose() => http.Dispose();
}
