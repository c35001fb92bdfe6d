using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator.State;

namespace ContactSync.DeviceEmulator.Routes;

public sealed record IdsBody(List<string>? Ids);
public sealed record MarkersBody(List<string>? Markers);
public sealed record OperationBody(string? Op, string? Id, string? IfVersion, string? Marker, JsonObject? Fields);
public sealed record ApplyBody(List<OperationBody>? Operations);
public sealed record RegisterBody(string Token, Capabilities? Capabilities);

public static class WireShapes
{
    public static object Contact(DeviceContact c) =>
        new { id = c.Id, version = c.Version, marker = c.Marker, modified = c.Modified, fields = c.Fields };

    public static IResult Error(int status, string message) =>
        Results.Json(new { error = message }, statusCode: status);
}
