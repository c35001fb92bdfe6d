using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactSync.Devices.Api;

/// <summary>The wire shapes of docs/device-api.md (camelCase JSON).</summary>
public static class DeviceApiWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public const int MaxBatch = 100;
}

public sealed record ListResponse(List<VersionDto> Items, List<string> Deleted, string? NextToken, bool Full);

public sealed record VersionDto(string Id, string Version);

public sealed record IdsRequest(IReadOnlyCollection<string> Ids);

public sealed record MarkersRequest(IReadOnlyCollection<string> Markers);

public sealed record ContactsResponse(List<DeviceContactDto> Contacts);

public sealed record DeviceContactDto(string Id, string Version, JsonObject Fields, string? Marker = null, DateTimeOffset? Modified = null);

/// <summary>One operation: <c>upsert</c> (no id: a create carrying <see cref="Marker"/>; with id: an update conditional
/// on <see cref="IfVersion"/>) or <c>delete</c> (conditional on <see cref="IfVersion"/>).</summary>
public sealed record ApplyOperation(string Op, string? Id = null, string? IfVersion = null, string? Marker = null, JsonObject? Fields = null);

public sealed record ApplyRequest(List<ApplyOperation> Operations);

public sealed record ApplyResult(int Status, string? Id = null, string? Version = null, string? Error = null);

public sealed record ApplyResponse(List<ApplyResult> Results);

/// <summary>What the device can hold and do; the service builds its projection from it. Null limits mean "no limit".</summary>
public sealed record DeviceCapabilities(
    int? MaxEmails = null, int? MaxPhones = null, bool ReadOnly = false, bool TwoWay = true, int MaxBatch = DeviceApiWire.MaxBatch,
    List<string>? Fields = null);
