namespace ContactSync.Handler.Options;

/// <summary>The app's storage account, read the way the Functions host reads it: either the connection string in
/// <c>AzureWebJobsStorage</c>, or the identity-based <c>AzureWebJobsStorage__tableServiceUri</c> and
/// <c>AzureWebJobsStorage__queueServiceUri</c> (plus <c>__clientId</c> for a user-assigned identity).</summary>
public sealed class StorageOptions
{
    public const string Section = "AzureWebJobsStorage";

    /// <summary>The section's own value (<c>AzureWebJobsStorage</c>); bound by hand since a section value has no property name.</summary>
    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public string? ClientId { get; set; }

    public bool IsValid => !string.IsNullOrWhiteSpace(ConnectionString) || (TableServiceUri is not null && QueueServiceUri is not null);
}
