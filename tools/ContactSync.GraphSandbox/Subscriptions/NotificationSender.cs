using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>POSTs one notification payload; a POST not answered 2xx within the timeout (3 s) is retried after doubling
/// delays, up to the configured number of attempts. Every attempt goes to the delivery log.</summary>
public sealed class NotificationSender(SandboxOptions options, HttpClient http, DeliveryLog log)
{
    public async Task SendAsync(string kind, string url, JsonObject payload, IReadOnlyList<string> subscriptionIds, int items, CancellationToken stop)
    {
        var text = payload.ToJsonString();
        var delay = options.NotificationRetryDelay;
        for (var attempt = 1; attempt <= options.MaxDeliveryAttempts && !stop.IsCancellationRequested; attempt++)
        {
            var watch = Stopwatch.StartNew();
            int? status = null;
            string? error = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(options.NotificationTimeout);
            try
            {
                using var content = new StringContent(text, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested) { error = "timed out"; }
            catch (HttpRequestException e) { error = e.Message; }
            catch (OperationCanceledException) { return; }
            var ok = status is >= 200 and < 300;
            log.Add(new DeliveryRecord(DateTimeOffset.UtcNow, kind, url, subscriptionIds, items, attempt, status, watch.Elapsed.TotalMilliseconds, ok, error));
            if (ok) return;
            try { await Task.Delay(delay, stop); } catch (OperationCanceledException) { return; }
            delay *= 2;
        }
    }
}
