using System.Text.Json;
using System.Text.Json.Serialization;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Directory;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>A <see cref="StatusRow"/> in <c>pairs</c>: RowKey the hub id (escaped with <see cref="TableKeys"/>), the
/// base as FieldMap JSON and a pending conflict as JSON (each may span several properties: <see cref="LongText"/>).
/// The conflict is serialised as the engine's record, so a field the engine adds to it is kept without a change here.</summary>
internal static class StatusRowEntity
{
    public const string HasConflict = "hasConflict";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new FieldMapConverter() } };

    public static TableEntity From(string partition, StatusRow r)
    {
        var e = new TableEntity(partition, TableKeys.Escape(r.HubId))
        {
            ["remoteId"] = r.RemoteId, ["hubVersion"] = r.HubVersion, ["remoteVersion"] = r.RemoteVersion, ["hash"] = r.Hash,
            [HasConflict] = r.Conflict is not null,
        };
        LongText.Write(e, "base", FieldMapJson.Serialize(r.Base));
        if (r.Conflict is { } c) LongText.Write(e, "conflict", JsonSerializer.Serialize(c, Json));
        return e;
    }

    public static StatusRow ToRow(TableEntity e) => new(
        TableKeys.Unescape(e.RowKey), e.GetString("remoteId") ?? "", e.GetString("hubVersion") ?? "", e.GetString("remoteVersion") ?? "",
        e.GetString("hash") ?? "", FieldMapJson.Parse(LongText.Read(e, "base")),
        LongText.Read(e, "conflict") is { } json ? JsonSerializer.Deserialize<PendingConflict>(json, Json) : null);

    /// <summary>A FieldMap as a flat JSON object of its fields.</summary>
    private sealed class FieldMapConverter : JsonConverter<FieldMap>
    {
        public override FieldMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FieldMap.From(JsonSerializer.Deserialize<Dictionary<string, string?>>(ref reader) ?? []);

        public override void Write(Utf8JsonWriter writer, FieldMap value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }
}
