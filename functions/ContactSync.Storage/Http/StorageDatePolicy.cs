using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContactSync.Storage;

/// <summary>Stamps <c>x-ms-date</c> on every try; the service refuses requests older than about 15 minutes.</summary>
internal sealed class StorageDatePolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
}
