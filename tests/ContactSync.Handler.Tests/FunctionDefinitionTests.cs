using System.Text.Json.Nodes;
using ContactSync.DevHost.Config;
using ContactSync.Handler.Functions;
using ContactSync.Handler.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace ContactSync.Handler.Tests;

/// <summary>The function.json files and host.json agree with the handler: known bindings, the queues the code uses,
/// a handler route for every function.</summary>
public class FunctionDefinitionTests
{
    private static readonly string[] KnownTypes = ["timerTrigger", "queueTrigger", "queue", "httpTrigger", "http"];
    private static readonly string Definitions = Path.Combine(TestEnvironment.RepoRoot, "functions", "definitions");
    private static readonly AppSettings SampleSettings = AppSettings.Load(TestEnvironment.RepoRoot, null, includeEnvironment: false);
    private static readonly IReadOnlyList<FunctionDefinition> Functions = FunctionDefinition.LoadAll(Definitions, SampleSettings);

    [Fact]
    public void Every_function_json_parses_and_uses_known_binding_types()
    {
        var folders = Directory.GetDirectories(Definitions).Select(d => Path.GetFileName(d)).Order().ToList();
        Assert.Equal(folders, Functions.Select(f => f.Name).Order().ToList());
        foreach (var path in Directory.GetFiles(Definitions, "function.json", SearchOption.AllDirectories))
            Assert.NotNull(JsonNode.Parse(File.ReadAllText(path))?["bindings"]);
        Assert.All(Functions, f =>
        {
            Assert.All(f.Bindings, b => Assert.Contains(b.Type, KnownTypes));
            Assert.All(f.Bindings, b => Assert.False(string.IsNullOrEmpty(b.Name), $"{f.Name}: a binding has no name"));
            _ = f.Trigger; // exactly one trigger
        });
        Assert.Equal(["Diagnostics", "GraphLifecycle", "GraphNotifications", "Health", "HubMaintenance", "ManagementApi", "Scheduler",
            "SubscriptionRenewer", "SyncPoison", "SyncWorker"], Functions.Select(f => f.Name).Order().ToArray());
    }

    [Fact]
    public void Queue_bindings_name_the_queues_and_binding_names_the_code_uses()
    {
        var jobs = new JobsOptions { Queue = SampleSettings[JobsOptions.QueueSetting]! };
        Assert.Equal("sync-jobs", jobs.Queue);
        Assert.Equal(jobs.Queue, Trigger(SyncWorkerFunction.Name, "queueTrigger", SyncWorkerFunction.Trigger)["queueName"]);
        Assert.Equal(jobs.PoisonQueue, Trigger(SyncPoisonFunction.Name, "queueTrigger", SyncPoisonFunction.Trigger)["queueName"]);
        var output = Assert.Single(Function(SchedulerFunction.Name).Outputs);
        Assert.Equal(("queue", SchedulerFunction.JobsOutput, jobs.Queue), (output.Type, output.Name, output["queueName"]));
        Trigger(SchedulerFunction.Name, "timerTrigger", SchedulerFunction.Trigger);
        Trigger(SubscriptionRenewerFunction.Name, "timerTrigger", SubscriptionRenewerFunction.Trigger);
        Trigger(HubMaintenanceFunction.Name, "timerTrigger", HubMaintenanceFunction.Trigger);
        Assert.All(Functions.SelectMany(f => f.Bindings).Where(b => b.Type.StartsWith("queue")),
            b => Assert.Equal("AzureWebJobsStorage", b["connection"]));
    }

    [Fact]
    public void Every_function_has_a_handler_route()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddContactSyncHandler(builder.Configuration);
        var app = builder.Build();
        app.MapContactSyncHandler();
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var host = HostJson.Load(Path.Combine(TestEnvironment.RepoRoot, "host.json"));
        Assert.True(host.EnableForwardingHttpRequest);
        foreach (var f in Functions)
        {
            if (f.Trigger.Type != "httpTrigger")
            {
                Assert.True(Matches(endpoints, $"/{f.Name}", "POST"), $"{f.Name}: no POST /{f.Name} in the handler");
                continue;
            }
            Assert.True(f.IsHttpOnly, $"{f.Name}: HTTP functions must be HTTP-only so the host forwards the request");
            var path = $"/{host.RoutePrefix}/" + SamplePath(f.Trigger["route"]!);
            var methods = ((JsonArray)f.Trigger.Properties["methods"]!).Select(m => m!.ToString().ToUpperInvariant());
            Assert.All(methods, m => Assert.True(Matches(endpoints, path, m), $"{f.Name}: no {m} {path} in the handler"));
        }
    }

    private static bool Matches(IEnumerable<RouteEndpoint> endpoints, string path, string method) => endpoints.Any(e =>
        new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(path, []) &&
        (e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains(method)));

    private static string SamplePath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{\*+[^}]+\}", "jobs").Replace("{", "").Replace("}", "");

    private static FunctionDefinition Function(string name) => Functions.Single(f => f.Name == name);

    private static Binding Trigger(string function, string type, string name)
    {
        var trigger = Function(function).Trigger;
        Assert.Equal((type, name), (trigger.Type, trigger.Name));
        return trigger;
    }
}
