using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage;

/// <summary>SharedKey for the Table service: <c>VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedResource</c>
/// (PACKAGES.md). Runs after <see cref="StorageDatePolicy"/> on every try.</summary>
internal sealed class TableSharedKeyPolicy(SharedKey key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue("x-ms-date", out var date);
        // Azure.Core drops Content-Type from the wire when there is no body, so it is signed only with one.
        var contentType = request.Content is not null && request.Headers.TryGetValue("Content-Type", out var ct) ? ct : "";
        var resource = "/" + key.AccountName + request.Uri.Path;
        var comp = HttpUtility.ParseQueryString(request.Uri.Query)["comp"];
        if (comp is not null) resource += "?comp=" + comp;
        var toSign = $"{request.Method.Method}\n\n{contentType}\n{date}\n{resource}";
        request.Headers.SetValue("Authorization", $"SharedKey {key.AccountName}:{key.Sign(toSign)}");
    }
}
