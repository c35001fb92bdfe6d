using System.Text;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage;

/// <summary>SharedKey for the Queue service: verb, 11 standard headers, sorted <c>x-ms-*</c> headers, the
/// canonicalized resource and sorted query parameters (PACKAGES.md).</summary>
internal sealed class QueueSharedKeyPolicy(SharedKey key) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] StandardHeaders =
        ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
         "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var sb = new StringBuilder(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders) sb.Append(StandardValue(request, name)).Append('\n');
        foreach (var h in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            sb.Append(h.Name).Append(':').Append(h.Value).Append('\n');
        sb.Append('/').Append(key.AccountName).Append(request.Uri.Path);
        var query = HttpUtility.ParseQueryString(request.Uri.Query);
        foreach (var name in query.AllKeys.OfType<string>().OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal))
            sb.Append('\n').Append(name.ToLowerInvariant()).Append(':').Append(query[name]);
        request.Headers.SetValue("Authorization", $"SharedKey {key.AccountName}:{key.Sign(sb.ToString())}");
    }

    private static string StandardValue(Request request, string name)
    {
        if (name == "Content-Length")
            return request.Content is not null && request.Content.TryComputeLength(out var n) && n > 0 ? n.ToString() : "";
        if (name == "Content-Type" && request.Content is null) return "";
        // Date stays empty: x-ms-date is always sent and takes its place.
        if (name == "Date") return "";
        return request.Headers.TryGetValue(name, out var v) ? v : "";
    }
}
