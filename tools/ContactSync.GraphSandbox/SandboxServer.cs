using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Control;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.Hosting;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;
using ContactSync.GraphSandbox.Subscriptions;
using ContactSync.GraphSandbox.Throttling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContactSync.GraphSandbox;

/// <summary>A running sandbox: Graph under <c>{BaseUrl}/v1.0</c>, the control API under <c>{BaseUrl}/_sandbox</c>, and the
/// same control methods in C#. Start one per test (port 0 picks a free port) or one standalone on 7072.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    readonly WebApplication app;

    SandboxServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        State = app.Services.GetRequiredService<SandboxState>();
        Control = app.Services.GetRequiredService<SandboxControl>();
    }

    public string BaseUrl { get; }
    public SandboxState State { get; }
    public SandboxControl Control { get; }

    public static Task<SandboxServer> StartAsync(SandboxOptions? options = null, int port = 0) =>
        StartAsync(options, $"http://127.0.0.1:{port}");

    public static async Task<SandboxServer> StartAsync(SandboxOptions? options, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        AddServices(builder.Services, options ?? new SandboxOptions());
        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseDeltaFunctionSyntax();
        app.UseRouting();
        app.UseMiddleware<AuthMiddleware>();
        app.UseMiddleware<MailboxGate>();
        app.MapDirectoryApi();
        app.MapContactFolderApi();
        app.MapContactApi();
        app.MapDeltaApi();
        app.MapBatchApi();
        app.MapSubscriptionApi();
        app.MapControlApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/'));
    }

    static void AddServices(IServiceCollection services, SandboxOptions options)
    {
        var outbound = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
        services.AddSingleton(options);
        services.AddSingleton(outbound);
        services.AddSingleton<SandboxState>();
        services.AddSingleton(sp => new Throttler(options.Clock));
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ContactStore>();
        services.AddSingleton<BatchRunner>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<Handshake>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<Notifier>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifier>());
        services.AddSingleton<SandboxControl>();
    }

    /// <summary>The bearer token the sandbox accepts for an app in a tenant (see README.md).</summary>
    public static string TokenFor(string tenantId, string appId) => Caller.Token(tenantId, appId);

    public Tenant SeedTenant(string tenantId, params string[] appIds) => Control.SeedTenant(tenantId, appIds);
    public DirectoryUser SeedUser(string tenantId, DirectoryUser user) => Control.SeedUser(tenantId, user);
    public DirectoryGroup SeedGroup(string tenantId, DirectoryGroup group) => Control.SeedGroup(tenantId, group);
    public JsonObject OutlookCreate(string user, JsonObject contact, string? folderId = null) => Control.OutlookCreate(user, contact, folderId);
    public JsonObject OutlookUpdate(string user, string contactId, JsonObject changes) => Control.OutlookUpdate(user, contactId, changes);
    public void OutlookDelete(string user, string contactId) => Control.OutlookDelete(user, contactId);
    public IReadOnlyList<JsonObject> Contacts(string user, string? folderId = null) => Control.Contacts(user, folderId);
    public CounterSnapshot Counters(string user) => Control.Counters(user);

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
