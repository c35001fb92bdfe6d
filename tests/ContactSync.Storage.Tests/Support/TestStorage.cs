namespace ContactSync.Storage.Tests;

/// <summary>The Azurite (or real) account the contract suites run against: env CONTACTSYNC_TEST_STORAGE, else the
/// emulator's defaults.</summary>
public static class TestStorage
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_STORAGE") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";

    public static StorageAccount Account(StorageClientOptions? options = null) => StorageAccount.Parse(ConnectionString, options);

    /// <summary>A table name no other test uses (letters and digits only).</summary>
    public static string TableName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..16];

    public static string QueueName(string prefix = "q") => prefix + "-" + Guid.NewGuid().ToString("N")[..16];
}
