using System.Text.Json;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Directory;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>A <see cref="StatusRow"/> in <c>pairs</c>: RowKey the hub id (escaped with <see cref="TableKeys"/>), the
/// base as FieldMap JSON and a pending conflict as JSON (each may span several properties: <see cref="LongText"/>).</summary>
internal static class StatusRowEntity
{
    public const string HasConflict = "hasConflict";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity From(string partition, StatusRow r)
    {
        var e = new TableEntity(partition, TableKeys.Escape(r.HubId))
        {
            ["remoteId"] = r.RemoteId, ["hubVersion"] = r.HubVersion, ["remoteVersion"] = r.RemoteVersion, ["hash"] = r.Hash,
            [HasConflict] = r.Conflict is not null,
        };
        LongText.Write(e, "base", FieldMapJson.Serialize(r.Base));
        if (r.Conflict is { } c)
            LongText.Write(e, "conflict", JsonSerializer.Serialize(new ConflictDto(c.HubVersion, c.RemoteVersion,
                Map(c.Hub), Map(c.Remote), Map(c.RemoteHeld), c.Fields), Json));
        return e;
    }

    public static StatusRow ToRow(TableEntity e) => new(
        TableKeys.Unescape(e.RowKey), e.GetString("remoteId") ?? "", e.GetString("hubVersion") ?? "", e.GetString("remoteVersion") ?? "",
        e.GetString("hash") ?? "", FieldMapJson.Parse(LongText.Read(e, "base")),
        LongText.Read(e, "conflict") is { } json && JsonSerializer.Deserialize<ConflictDto>(json, Json) is { } c
            ? new PendingConflict(c.HubVersion, c.RemoteVersion, FieldMap.From(c.Hub), FieldMap.From(c.Remote),
                FieldMap.From(c.RemoteHeld), c.Fields)
            : null);

    private static Dictionary<string, string?> Map(FieldMap m) => m.Values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);

    private sealed record ConflictDto(string HubVersion, string RemoteVersion, Dictionary<string, string?> Hub,
        Dictionary<string, string?> Remote, Dictionary<string, string?> RemoteHeld, IReadOnlyList<ConflictField> Fields);
}
