using System.Text.Json.Nodes;

namespace ContactSync.DeviceEmulator.State;

/// <summary>A contact on the emulated phone: its fields exactly as the wire carried them.</summary>
public sealed record DeviceContact(string Id, string Version, JsonObject Fields, string? Marker, DateTimeOffset Modified);

/// <summary>What a device declares it can hold and do (<c>GET /capabilities</c>).</summary>
public sealed record Capabilities(
    int? MaxEmails = null, int? MaxPhones = null, bool ReadOnly = false, bool TwoWay = true, int MaxBatch = 100,
    List<string>? Fields = null);

/// <summary>Requests the device has served, for tests that assert on cost.</summary>
public sealed record DeviceCounters(int Lists, int FullListings, int Gets, int Applies, int Operations, int Unauthorized);

public sealed record Change(long Seq, string Id);
