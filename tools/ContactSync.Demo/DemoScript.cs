using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;
using ContactSync.GraphSandbox.Model;

namespace ContactSync.Demo;

/// <summary>The demo's story, through the HTTP API only (the sandbox stands in for Exchange and for the user in Outlook, the
/// device emulator and Radicale for devices and their users).</summary>
public sealed partial class DemoScript(Uri api, SandboxServer sandbox, DemoEmulator emulator, DemoRadicale radicale)
{
    public const string AdminKey = "dev-admin-key";
    private const string TenantId = "kontakty-demo";
    private const string EntraTenant = "3f0c6a55-7d2b-4c9e-9a41-5b8e2d7c1f10";
    private const string AppId = "9d2a4b7e-1c3f-4e8a-b5d6-0f1e2a3b4c5d";
    private const string Domain = "kontakty-demo.example";
    private readonly DemoApi http = new(api, AdminKey);
    private readonly HttpClient sandboxHttp = new();
    private string T => $"api/tenants/{TenantId}";

    /// <summary>(target id, mailbox owner, policy, own groups)</summary>
    private static readonly (string Id, string Name, string Policy, string[] Groups)[] Mailboxes =
    [
        ("lukasz", "Łukasz Wróbel", "business", ["klienci-pl"]),
        ("jiri", "Jiří Dvořák", "business", ["partneri-cz-de"]),
        ("zydrunas", "Žydrūnas Kazlauskas", "business", ["tiekejai-lt"]),
        ("jurgen", "Jürgen Müller", "two-way", []),
        ("malgorzata", "Małgorzata Wiśniewska", "two-way", []),
    ];

    private static string Upn(string id) => $"{id}@{Domain}";

    public async Task<int> RunAsync()
    {
        try
        {
            await SeedSandboxAsync();
            await CreateTenantAsync();
            await ImportGroupsAsync();
            await PoliciesAndTargetsAsync();
            await HubContactsAsync();
            await RunSchedulerUntilIdleAsync([.. Mailboxes.Select(m => m.Id)], "6. POST /admin/functions/Scheduler (the timer, fired now), then the workers drain the sync-jobs queue");
            await PrintStatusAsync();
            await PrintCountersAsync();
            await ConflictAsync();
            await DevicesAsync();
            await BackupsAsync();
            Console.WriteLine("==> done: every step answered as expected");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"DEMO FAILED: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");
            return 1;
        }
    }

    private Task SeedSandboxAsync()
    {
        Step("1. Graph sandbox: Entra tenant " + EntraTenant + " with five mailboxes");
        sandbox.SeedTenant(EntraTenant, AppId);
        foreach (var m in Mailboxes)
        {
            sandbox.SeedUser(EntraTenant, new DirectoryUser { UserPrincipalName = Upn(m.Id), Mail = Upn(m.Id), DisplayName = m.Name });
            Console.WriteLine($"   mailbox {Upn(m.Id),-36} {m.Name}");
        }
        return Task.CompletedTask;
    }

    private async Task CreateTenantAsync()
    {
        Step($"2. PUT /{T} (platform admin key)");
        var tenant = await http.PutAsync(T, new
        {
            displayName = "Kontakty Demo Sp. z o.o.", defaultRegion = "PL", timeZone = "Europe/Warsaw",
            graph = new { entraTenantId = EntraTenant, clientId = AppId, credentialKind = "clientSecret", secretReference = "DEMO_GRAPH_SECRET" },
        });
        var key = tenant?["apiKey"]?.GetValue<string>() ?? throw new InvalidOperationException("the creating PUT returned no apiKey");
        Console.WriteLine($"   201 Created; apiKey (shown this once): {key[..Math.Min(8, key.Length)]}… ({key.Length} chars)");
        var again = await http.PutAsync(T, new
        {
            displayName = "Kontakty Demo Sp. z o.o.", defaultRegion = "PL", timeZone = "Europe/Warsaw",
            graph = new { entraTenantId = EntraTenant, clientId = AppId, credentialKind = "clientSecret", secretReference = "DEMO_GRAPH_SECRET" },
        });
        Console.WriteLine($"   the same PUT again: apiKey in the answer: {(again?["apiKey"] is null ? "none" : "present (unexpected)")}");
        http.Key = key; // from here on the tenant's own key
    }

    /// <summary>The sandbox's control API (<c>/_sandbox</c>, no token): what a test harness or "the user in Outlook" does.</summary>
    private async Task<JsonNode?> SandboxAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, $"{sandbox.BaseUrl}/_sandbox/{path}")
        {
            Content = body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await sandboxHttp.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} /_sandbox/{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private static void Step(string title) => Console.WriteLine($"\n==> {title}");
}
