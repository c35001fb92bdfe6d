using System.Globalization;
using System.Net;
using ContactSync.Graph.Throttling;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace ContactSync.Graph.Client;

/// <summary>
/// Sends requests for one mailbox as JSON batches of up to 20 parallel requests (no dependsOn), each batch passing
/// the mailbox's limiter as that many requests. Inner 429s (and 503/504) are sent again in a later batch after the
/// mailbox's lane has paused for their Retry-After; every other answer is returned as it came, in request order.
/// </summary>
public sealed class MailboxBatcher(GraphTenantClient client, string mailbox)
{
    public const int MaxPerBatch = 20;
    public const int MaxRounds = 12;

    /// <param name="calls">Builds each request; called again for a retry, as a request's body can be read only once.</param>
    public async Task<IReadOnlyList<BatchAnswer>> SendAsync(IReadOnlyList<Func<RequestInformation>> calls, CancellationToken ct)
    {
        var answers = new BatchAnswer[calls.Count];
        var pending = Enumerable.Range(0, calls.Count).ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            var batches = new List<BatchRequestContent>();
            foreach (var chunk in pending.Chunk(MaxPerBatch))
            {
                var steps = new List<BatchRequestStep>();
                foreach (var index in chunk)
                {
                    var request = calls[index]();
                    request.Headers.TryAdd("Prefer", PreferImmutableIdHandler.Preference);
                    var message = await client.Graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(request, ct);
                    message!.Headers.Authorization = null; // the batch itself is authenticated; no token inside its body
                    steps.Add(new BatchRequestStep(index.ToString(CultureInfo.InvariantCulture), message));
                }
                // One batch built by hand: BatchRequestContentCollection sends its batches itself and gives no way to
                // tell the limiter which mailbox a batch is for and how many requests it carries.
#pragma warning disable CS0618
                batches.Add(new BatchRequestContent(client.Graph.RequestAdapter, [.. steps]));
#pragma warning restore CS0618
            }
            var sent = await Task.WhenAll(batches.Select(batch => SendBatchAsync(batch, ct)));
            var again = new List<int>();
            foreach (var (index, answer) in sent.SelectMany(x => x))
            {
                if (answer.Status is 429 or 503 or 504 && round < MaxRounds)
                {
                    again.Add(index);
                    client.Limiter.Pause(mailbox, answer.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(30, 1 << (round - 1))));
                }
                else answers[index] = answer;
            }
            pending = again;
        }
        return answers;
    }

    async Task<IEnumerable<(int Index, BatchAnswer Answer)>> SendBatchAsync(BatchRequestContent batch, CancellationToken ct)
    {
        var indexes = batch.BatchRequestSteps.Keys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var info = await client.Graph.Batch.ToPostRequestInformationAsync(batch, ct);
        info.AddRequestOptions([new MailboxRequestOption(mailbox, indexes.Count)]);
        var native = new NativeResponseHandler();
        info.SetResponseHandler(native);
        await client.Graph.RequestAdapter.SendNoContentAsync(info, cancellationToken: ct);
        using var response = (HttpResponseMessage)native.Value!;
        if (!response.IsSuccessStatusCode)
        {
            // The batch itself failed (after the SDK's retries): every request in it gets that answer.
            var whole = new BatchAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct),
                MailboxThrottleHandler.RetryAfter(response, TimeProvider.System));
            return indexes.Select(index => (index, whole));
        }
        var responses = await new BatchResponseContent(response).GetResponsesAsync();
        var result = new List<(int, BatchAnswer)>();
        var missing = new HashSet<int>(indexes);
        foreach (var (id, inner) in responses)
        {
            using (inner)
            {
                var body = inner.Content is null ? "" : await inner.Content.ReadAsStringAsync(ct);
                var status = inner.StatusCode == 0 ? HttpStatusCode.InternalServerError : inner.StatusCode;
                var index = int.Parse(id, CultureInfo.InvariantCulture);
                missing.Remove(index);
                result.Add((index, new BatchAnswer((int)status, body, MailboxThrottleHandler.RetryAfter(inner, TimeProvider.System))));
            }
        }
        // A request the batch answered nothing for is retried like a 503.
        result.AddRange(missing.Select(index => (index, new BatchAnswer(503, "No response for this request in the batch."))));
        // Pause the lane now, so that batches already queued behind this one wait instead of being refused too.
        if (result.Select(r => r.Item2.RetryAfter).Max() is { } retryAfter) client.Limiter.Pause(mailbox, retryAfter);
        return result;
    }
}
