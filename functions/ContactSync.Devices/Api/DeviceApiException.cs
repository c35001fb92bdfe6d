using System.Net;

namespace ContactSync.Devices.Api;

/// <summary>The device refused a whole request (401 bad token, 410 expired token, 5xx); per-item refusals are results.</summary>
public sealed class DeviceApiException(HttpStatusCode status, string remoteMessage)
    : Exception($"Device endpoint answered {(int)status}: {remoteMessage}")
{
    public HttpStatusCode Status { get; } = status;
    public string RemoteMessage { get; } = remoteMessage;
}
