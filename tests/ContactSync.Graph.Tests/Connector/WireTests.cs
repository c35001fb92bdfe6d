using System.Collections.Concurrent;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>What goes on the wire: immutable ids asked for on every request, no token inside a batch body, and the
/// writes of one call as one $batch with no dependsOn.</summary>
public sealed class WireTests
{
    [Fact]
    public async Task Every_request_asks_for_immutable_ids_and_a_batch_carries_no_token_and_no_dependsOn()
    {
        await using var sandbox = await ConnectorSandbox.StartAsync();
        var wire = new Recorder(new SocketsHttpHandler());
        using var client = sandbox.Client(transport: wire);
        var store = ConnectorSandbox.Store(client, sandbox.NewMailbox());

        var written = await store.WriteAsync([.. Enumerable.Range(0, 3).Select(i =>
            (WriteOp)new CreateOp(FieldMap.Empty.With("givenName", $"Max{i}").With("displayName", $"Max{i}"), $"m{i}"))]);
        await store.GetManyAsync([.. written.Select(w => w.Written!.Id)]);
        await store.ListChangesAsync(null);

        Assert.All(wire.Requests, r => Assert.Contains("IdType=\"ImmutableId\"", r.Prefer));
        var batches = wire.Requests.Where(r => r.Url.EndsWith("/$batch", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, batches.Count);
        Assert.All(batches, b =>
        {
            Assert.DoesNotContain("Bearer", b.Body);
            Assert.DoesNotContain("dependsOn", b.Body);
            Assert.Contains("ImmutableId", b.Body);
        });
    }

    sealed record Sent(string Url, string Prefer, string Body);

    sealed class Recorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<Sent> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            Requests.Enqueue(new Sent(request.RequestUri!.AbsolutePath, string.Join(", ", request.Headers.TryGetValues("Prefer", out var p) ? p : []), body));
            return await base.SendAsync(request, ct);
        }
    }
}
