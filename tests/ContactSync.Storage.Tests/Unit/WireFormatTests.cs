using System.Net;
using Azure.Core.Pipeline;

namespace ContactSync.Storage.Tests.Unit;

/// <summary>Service responses Azurite does not produce: an empty page that still carries a continuation, and the
/// documented shape of a failed changeset.</summary>
public sealed class WireFormatTests
{
    [Fact]
    public async Task An_empty_page_with_a_continuation_is_followed_with_the_original_filter()
    {
        var handler = new PagingHandler();
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        var store = StorageAccount.Parse("AccountName=acct;AccountKey=c2VjcmV0LWtleS1ieXRlcw==", options).CreateTableStore();

        var all = await store.QueryAsync("contacts", new TableQuery(TableFilter.Partition("p"), Top: 5)).ToListAsync();

        Assert.Equal(["r9"], all.Select(e => e.RowKey));
        Assert.Equal(2, handler.Queries.Count);
        Assert.Contains("NextPartitionKey=1%218%21cA--", handler.Queries[1]);
        Assert.Contains("NextRowKey=1%218%21cjk-", handler.Queries[1]);
        Assert.Contains("$filter=PartitionKey%20eq%20%27p%27", handler.Queries[1]);
        Assert.Contains("$top=5", handler.Queries[1]);
    }

    [Fact]
    public void A_failed_changeset_names_the_operation_from_the_index_prefix()
    {
        const string body = """
            --batchresponse_7ab1c5d2-ad5c-4ea4-a3b2-0b2d4e30d6fd
            Content-Type: multipart/mixed; boundary=changesetresponse_fb5e49d2-2e2d-49f2-9fd7-a3e2f6d04e3c

            --changesetresponse_fb5e49d2-2e2d-49f2-9fd7-a3e2f6d04e3c
            Content-Type: application/http
            Content-Transfer-Encoding: binary

            HTTP/1.1 400 Bad Request
            Content-ID: 2
            X-Content-Type-Options: nosniff
            DataServiceVersion: 3.0;
            Content-Type: application/json;odata=minimalmetadata;streaming=true;charset=utf-8

            {"odata.error":{"code":"InvalidInput","message":{"lang":"en-US","value":"1:One of the request inputs is not valid.\nRequestId:5d6f0d6a\nTime:2024-01-01T00:00:00Z"}}}
            --changesetresponse_fb5e49d2-2e2d-49f2-9fd7-a3e2f6d04e3c--
            --batchresponse_7ab1c5d2-ad5c-4ea4-a3b2-0b2d4e30d6fd--
            """;
        var e = Assert.Throws<StorageException>(() => TableBatchResponse.Read(body.ReplaceLineEndings("\r\n"), 3, "contacts"));
        Assert.Equal((StorageErrorKind.BadRequest, 400, "InvalidInput", 1), (e.Kind, e.Status, e.ErrorCode, e.OperationIndex));
        Assert.Contains("operation 1", e.Message);
        Assert.Contains("One of the request inputs is not valid.", e.Message);
        Assert.DoesNotContain("RequestId", e.Message);
    }

    private sealed class PagingHandler : HttpMessageHandler
    {
        public List<string> Queries { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Queries.Add(request.RequestUri!.Query);
            var first = Queries.Count == 1;
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(first ? """{"value":[]}"""
                    : """{"value":[{"odata.etag":"W/\"e\"","PartitionKey":"p","RowKey":"r9","Timestamp":"2025-01-01T00:00:00Z"}]}"""),
            };
            if (first)
            {
                response.Headers.Add("x-ms-continuation-NextPartitionKey", "1!8!cA--");
                response.Headers.Add("x-ms-continuation-NextRowKey", "1!8!cjk-");
            }
            return Task.FromResult(response);
        }
    }
}
