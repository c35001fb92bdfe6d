using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage.Tests.Unit;

/// <summary>The Azure.Core pipeline's behaviour on the wire: retries with a fresh date and signature, typed errors
/// once retries are spent, bearer tokens for the storage scope.</summary>
public sealed class PipelineTests
{
    private const string Cs = "AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcw==;DefaultEndpointsProtocol=https";

    private static StorageClientOptions Options(ScriptedHandler handler, TimeSpan delay, int retries)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = delay;
        options.Retry.MaxRetries = retries;
        return options;
    }

    [Fact]
    public async Task A_transient_503_is_retried_with_a_fresh_date_and_signature_each_try()
    {
        var handler = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.NoContent);
        var store = StorageAccount.Parse(Cs, Options(handler, TimeSpan.FromSeconds(1.1), 3)).CreateTableStore();

        var etag = await store.UpsertAsync("contacts", new TableEntity("p", "r"));

        Assert.Equal("W/\"datetime'x'\"", etag);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, handler.Requests.Select(r => r.Headers["x-ms-date"]).Distinct().Count());
        Assert.Equal(3, handler.Requests.Select(r => r.Headers["Authorization"]).Distinct().Count());
        Assert.All(handler.Requests, r => Assert.StartsWith("SharedKey acct:", r.Headers["Authorization"]));
        Assert.Equal("https://acct.table.core.windows.net/contacts(PartitionKey='p',RowKey='r')", handler.Requests[0].Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Throttling_that_outlasts_the_retries_is_a_typed_throttled_error(HttpStatusCode status)
    {
        var handler = new ScriptedHandler(status);
        var store = StorageAccount.Parse(Cs, Options(handler, TimeSpan.FromMilliseconds(10), 2)).CreateTableStore();
        var e = await Assert.ThrowsAsync<StorageException>(() => store.GetAsync("contacts", "p", "r"));
        Assert.Equal((StorageErrorKind.Throttled, (int)status, "ServerBusy"), (e.Kind, e.Status, e.ErrorCode));
        Assert.Contains("Try later.", e.Message);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task An_identity_account_sends_a_bearer_token_for_the_storage_scope()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Created);
        var credential = new FixedCredential();
        var account = StorageAccount.FromIdentity(new Uri("https://acct.table.core.windows.net"), new Uri("https://acct.queue.core.windows.net"),
            credential, Options(handler, TimeSpan.Zero, 0));
        await account.CreateQueueStore().CreateIfNotExistsAsync("jobs");
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-123", sent.Headers["Authorization"]);
        Assert.True(sent.Headers.ContainsKey("x-ms-date"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    private sealed class FixedCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];
        public override AccessToken GetToken(TokenRequestContext context, CancellationToken ct)
        {
            Scopes = context.Scopes;
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext context, CancellationToken ct) => new(GetToken(context, ct));
    }
}
