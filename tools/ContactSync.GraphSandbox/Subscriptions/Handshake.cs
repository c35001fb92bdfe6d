using System.Diagnostics;
using ContactSync.GraphSandbox.Graph;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>The validation handshake: <c>POST {url}?validationToken={url-encoded token}</c> (text/plain); the endpoint must
/// answer 200, <c>Content-Type: text/plain</c> and exactly the decoded token within the timeout (10 s).</summary>
public sealed class Handshake(SandboxOptions options, HttpClient http, DeliveryLog log)
{
    public async Task ValidateAsync(string url, CancellationToken cancel)
    {
        var token = options.ValidationTokenFactory();
        var target = url + (url.Contains('?') ? "&" : "?") + "validationToken=" + Uri.EscapeDataString(token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.ValidationTimeout);
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? failure;
        string? answered = null, answeredType = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent("") };
            request.Content.Headers.ContentType = new("text/plain");
            using var response = await http.SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            var body = answered = await response.Content.ReadAsStringAsync(timeout.Token);
            answeredType = response.Content.Headers.ContentType?.ToString();
            failure = status != 200 || response.Content.Headers.ContentType?.MediaType != "text/plain"
                ? "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request."
                : body != token ? "Subscription validation request failed. Response must exactly match validationToken query parameter." : null;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            failure = "Subscription validation request timed out.";
        }
        catch (HttpRequestException error)
        {
            failure = $"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. {error.Message}";
        }
        var detail = failure is null ? null : $"{failure} (answered {status?.ToString() ?? "nothing"} {answeredType}: '{answered}')";
        log.Add(new DeliveryRecord(DateTimeOffset.UtcNow, "validation", url, [], 0, 1, status, watch.Elapsed.TotalMilliseconds, failure is null, detail));
        if (failure is not null) throw new GraphException(400, "ValidationError", failure);
    }
}
