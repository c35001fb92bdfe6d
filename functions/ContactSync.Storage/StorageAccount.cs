using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage;

/// <summary>Where the Table and Queue services live and how to authenticate to them: a shared key from a connection
/// string (Azurite, local runs) or a token credential (managed identity in Azure).</summary>
public sealed class StorageAccount
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string StorageScope = "https://storage.azure.com/.default";

    private readonly SharedKey? _key;
    private readonly TokenCredential? _credential;
    private readonly StorageClientOptions _options;

    private StorageAccount(Uri table, Uri queue, SharedKey? key, TokenCredential? credential, StorageClientOptions? options)
    {
        TableEndpoint = table;
        QueueEndpoint = queue;
        _key = key;
        _credential = credential;
        _options = options ?? new StorageClientOptions();
    }

    public Uri TableEndpoint { get; }
    public Uri QueueEndpoint { get; }
    /// <summary>The account name when a shared key is used, otherwise null.</summary>
    public string? AccountName => _key?.AccountName;

    /// <summary>Parses a connection string (<c>AccountName</c>, <c>AccountKey</c>, <c>DefaultEndpointsProtocol</c>,
    /// <c>EndpointSuffix</c>, <c>TableEndpoint</c>, <c>QueueEndpoint</c>) or <c>UseDevelopmentStorage=true</c>.</summary>
    /// <exception cref="ArgumentException">Something is missing or malformed; the message never contains the key.</exception>
    public static StorageAccount Parse(string connectionString, StorageClientOptions? options = null)
    {
        var parts = ConnectionStringParts.Parse(connectionString);
        if (parts.Flag("UseDevelopmentStorage"))
        {
            var host = parts.Get("DevelopmentStorageProxyUri")?.TrimEnd('/') ?? "http://127.0.0.1";
            return new(new Uri($"{host}:10002/devstoreaccount1"), new Uri($"{host}:10001/devstoreaccount1"),
                new SharedKey("devstoreaccount1", Convert.FromBase64String(DevKey)), null, options);
        }
        if (parts.Get("SharedAccessSignature") is not null)
            throw new ArgumentException("SharedAccessSignature connection strings are not supported; use AccountKey or a managed identity.", nameof(connectionString));
        var account = parts.Get("AccountName")
            ?? throw new ArgumentException("The connection string has no AccountName.", nameof(connectionString));
        var keyText = parts.Get("AccountKey")
            ?? throw new ArgumentException("The connection string has no AccountKey.", nameof(connectionString));
        var key = new byte[keyText.Length];
        if (!Convert.TryFromBase64String(keyText, key, out var written) || written == 0)
            throw new ArgumentException("The connection string's AccountKey is not valid base64.", nameof(connectionString));
        var protocol = parts.Get("DefaultEndpointsProtocol") ?? "https";
        if (protocol is not ("http" or "https"))
            throw new ArgumentException($"DefaultEndpointsProtocol must be http or https, not '{protocol}'.", nameof(connectionString));
        var suffix = parts.Get("EndpointSuffix") ?? "core.windows.net";
        return new(parts.Endpoint("TableEndpoint") ?? new Uri($"{protocol}://{account}.table.{suffix}"),
            parts.Endpoint("QueueEndpoint") ?? new Uri($"{protocol}://{account}.queue.{suffix}"),
            new SharedKey(account, key[..written]), null, options);
    }

    /// <summary>Bearer tokens for <c>https://storage.azure.com/.default</c> (e.g. <c>ManagedIdentityCredential</c>).
    /// The identity needs Storage Table Data Contributor and Storage Queue Data Contributor.</summary>
    public static StorageAccount FromIdentity(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential,
        StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new(tableEndpoint, queueEndpoint, null, credential, options);
    }

    public ITableStore CreateTableStore() =>
        new HttpTableStore(new StorageHttp(TableEndpoint, Pipeline(_key is null ? null : new TableSharedKeyPolicy(_key))));

    public IQueueStore CreateQueueStore() =>
        new HttpQueueStore(new StorageHttp(QueueEndpoint, Pipeline(_key is null ? null : new QueueSharedKeyPolicy(_key))));

    // Authentication runs per retry so that each try carries a fresh x-ms-date and signature.
    private HttpPipeline Pipeline(HttpPipelinePolicy? sharedKeyPolicy)
    {
        HttpPipelinePolicy auth = sharedKeyPolicy ?? new BearerTokenAuthenticationPolicy(_credential!, StorageScope);
        return HttpPipelineBuilder.Build(_options, [], [new StorageDatePolicy(), auth], new ResponseClassifier());
    }
}
