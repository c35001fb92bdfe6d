using System.Collections.Concurrent;
using ContactSync.DevHost.Handler;

namespace ContactSync.Handler.Tests;

/// <summary>A missing required setting stops the handler at start with a message naming the setting.</summary>
public class StartupTests
{
    [Theory]
    [InlineData("ContactSync__AdminKey")]
    [InlineData("AzureWebJobsStorage")]
    public async Task A_missing_required_setting_fails_startup_naming_it(string missing)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = TestEnvironment.StorageConnection, ["ContactSync__AdminKey"] = "k",
            ["Jobs__Table"] = TestEnvironment.UniqueName("st"),
        };
        settings[missing] = "";
        var log = new ConcurrentQueue<string>();
        var command = TestEnvironment.DevHost(settings, log.Enqueue).Handler!;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HandlerProcess.StartAsync(command, settings, log.Enqueue, TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Contains("exited with code 1", error.Message);
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(log.FirstOrDefault(l => l.Contains("cannot start") && l.Contains(missing))),
            TimeSpan.FromSeconds(5), $"a start-up error naming {missing}");
    }

    [Fact]
    public async Task An_admin_key_that_is_an_unresolved_key_vault_reference_fails_startup_saying_so()
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = TestEnvironment.StorageConnection,
            ["ContactSync__AdminKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-contactsync.vault.azure.net/secrets/admin-key/)",
            ["Jobs__Table"] = TestEnvironment.UniqueName("st"),
        };
        var log = new ConcurrentQueue<string>();
        var command = TestEnvironment.DevHost(settings, log.Enqueue).Handler!;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HandlerProcess.StartAsync(command, settings, log.Enqueue, TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Contains("exited with code 1", error.Message);
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(log.FirstOrDefault(l => l.Contains("cannot start")
                && l.Contains("ContactSync__AdminKey is an unresolved Key Vault reference"))),
            TimeSpan.FromSeconds(5), "a start-up error naming the unresolved admin key");
    }
}
