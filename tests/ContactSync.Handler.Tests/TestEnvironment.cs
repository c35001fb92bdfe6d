using ContactSync.DevHost;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests;

/// <summary>Where the repo, the built handler and the test storage are.</summary>
public static class TestEnvironment
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The configuration this test assembly was built in; the handler dll of the same build is run.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>Azurite from CONTACTSYNC_TEST_STORAGE (test.sh sets it), else Azurite's default ports.</summary>
    public static string StorageConnection { get; } =
        Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_STORAGE") is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";

    public static StorageAccount Storage { get; } = StorageAccount.Parse(StorageConnection);

    /// <summary>Storage-safe unique name: letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The source layout on an ephemeral port, storage from the test environment, the given settings on top.</summary>
    public static DevHostOptions DevHost(IReadOnlyDictionary<string, string> settings, Action<string> log) =>
        DevHostOptions.ForSourceLayout(RepoRoot, Configuration) with
        {
            HttpUrl = "http://127.0.0.1:0",
            Settings = new Dictionary<string, string>(settings) { ["AzureWebJobsStorage"] = StorageConnection },
            ConfigureQueues = q => q with { VisibilityTimeout = TimeSpan.FromMilliseconds(100), MaxPollingInterval = TimeSpan.FromMilliseconds(200) },
            Log = log,
        };

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>The final state of the job a 202 answer started (its Location polled), asserted to be <paramref name="expectedState"/>.</summary>
    public static async Task<System.Text.Json.JsonElement> FinishedJobAsync(HttpClient http, HttpResponseMessage accepted, string expectedState = "succeeded")
    {
        Assert.True(accepted.StatusCode == System.Net.HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.ToString().TrimStart('/');
        var final = (System.Text.Json.JsonElement)await EventuallyAsync(async () =>
        {
            var now = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, location);
            return now.GetProperty("state").GetString() is "succeeded" or "failed" ? (object)now : null;
        }, TimeSpan.FromSeconds(60), $"job {location} finishing");
        Assert.True(expectedState == final.GetProperty("state").GetString(), final.ToString());
        return final;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContactSync.sln"))) return dir.FullName;
        throw new InvalidOperationException("ContactSync.sln not found above the test assembly");
    }
}
