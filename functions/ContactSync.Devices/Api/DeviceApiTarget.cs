namespace ContactSync.Devices.Api;

/// <summary>One device's endpoint: the base URL its agent (or the MDM server speaking for it) serves
/// (<c>{BaseUrl}/contacts</c>, <c>{BaseUrl}/capabilities</c>) and the bearer token it accepts.</summary>
public sealed record DeviceApiTarget(string BaseUrl, string Token, bool ReadOnly = false)
{
    public string Url(string path) => $"{BaseUrl.TrimEnd('/')}/{path}";
    public override string ToString() => BaseUrl;
}
