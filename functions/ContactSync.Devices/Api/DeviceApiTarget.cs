namespace ContactSync.Devices.Api;

/// <summary>One device's endpoint: the base URL its agent (or the MDM server speaking for it) serves
/// (<c>{BaseUrl}/contacts</c>, <c>{BaseUrl}/capabilities</c>) and the bearer token it accepts. <paramref name="MaxBatch"/>
/// is the device's declared <c>maxBatch</c>: a larger request is refused as a whole.</summary>
public sealed record DeviceApiTarget(string BaseUrl, string Token, bool ReadOnly = false, int MaxBatch = DeviceApiWire.MaxBatch)
{
    /// <summary>Ids or writes per request: the device's <c>maxBatch</c>, never above the protocol's 100.</summary>
    public int Batch => Math.Clamp(MaxBatch, 1, DeviceApiWire.MaxBatch);

    public string Url(string path) => $"{BaseUrl.TrimEnd('/')}/{path}";
    public override string ToString() => BaseUrl;
}
