using System.Text.Json.Nodes;
using ContactSync.DevHost.Config;
using ContactSync.DevHost.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactSync.DevHost.Http;

/// <summary>The public side: each httpTrigger function at <c>/{routePrefix}/{route}</c> (ASP.NET Core routing, so literal
/// segments win over catch-alls, as in the host), plus <c>POST /admin/functions/{name}</c> to run a timer now.</summary>
public static class HttpFrontend
{
    public static async Task<WebApplication> StartAsync(string url, HostJson host, IReadOnlyList<FunctionDefinition> functions,
        FunctionInvoker invoker, HttpForwarder forwarder, FunctionKeys keys, IReadOnlyDictionary<string, TimerDriver> timers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        var app = builder.Build();
        foreach (var function in functions.Where(f => f.Trigger.Type == "httpTrigger"))
        {
            var trigger = function.Trigger;
            var route = trigger["route"] ?? function.Name;
            var template = host.RoutePrefix.Length == 0 ? $"/{route}" : $"/{host.RoutePrefix}/{route}";
            var forward = host.EnableForwardingHttpRequest && function.IsHttpOnly;
            RequestDelegate handle = async context =>
            {
                if (!keys.Allows(trigger, context.Request)) { context.Response.StatusCode = 401; return; }
                if (forward) { await forwarder.ForwardAsync(context); return; }
                var data = new JsonObject { [trigger.Name] = await HttpPayload.RequestAsync(context) };
                var result = await invoker.InvokeAsync(function, data, new JsonObject(), context.RequestAborted);
                if (!result.Succeeded) { context.Response.StatusCode = 500; return; }
                var httpOut = function.Outputs.FirstOrDefault(b => b.Type == "http");
                await HttpPayload.WriteResponseAsync(context, httpOut is null ? null : result.Output(httpOut.Name));
            };
            var methods = trigger.Properties.TryGetValue("methods", out var m) && m is JsonArray list
                ? list.Select(x => x!.ToString().ToUpperInvariant()).ToArray() : null;
            if (methods is null) app.Map(template, handle); else app.MapMethods(template, methods, handle);
        }
        app.MapPost("/admin/functions/{name}", async (string name, CancellationToken ct) =>
        {
            if (!timers.TryGetValue(name, out var timer)) return Results.NotFound();
            await timer.FireAsync(DateTimeOffset.UtcNow, ct);
            return Results.Accepted();
        });
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
