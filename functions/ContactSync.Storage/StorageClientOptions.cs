using Azure.Core;

namespace ContactSync.Storage;

/// <summary>Pipeline settings for the Table and Queue clients. Retries come from <see cref="ClientOptions.Retry"/>
/// (Azure.Core: exponential back-off on 408, 429, 500, 502, 503, 504 and network errors; 3 retries by default).</summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "ContactSync";
    }
}
