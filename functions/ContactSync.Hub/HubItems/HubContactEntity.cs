using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Hub.Directory;
using ContactSync.Storage;

namespace ContactSync.Hub.HubItems;

/// <summary>A hub contact's row in <c>hubcontacts</c>: PartitionKey tenant id, RowKey contact id, the FieldMap as JSON,
/// the managed-item marker, and the change sequence of its last write. The version is the entity's ETag.</summary>
internal static class HubContactEntity
{
    public const string ContactProperty = "contact";
    public const string MarkerProperty = "marker";
    public const string SequenceProperty = "seq";
    /// <summary>A string property holds at most 32K UTF-16 characters (64 KiB).</summary>
    public const int MaxContactJson = 32 * 1024;
    /// <summary>Contact ids are <c>[A-Za-z0-9._-]</c>, all below '~': this row key never clashes with one and sorts last.</summary>
    public const string CounterRowKey = "~changes";

    /// <summary>The partition's contacts only (the counter row left out).</summary>
    public static string ContactsFilter(string tenantId) =>
        TableFilter.And(TableFilter.Partition(tenantId), TableFilter.Lt("RowKey", CounterRowKey));

    public static TableEntity From(string tenantId, string id, string json, string? marker, long sequence) =>
        new(tenantId, id) { [ContactProperty] = json, [MarkerProperty] = marker, [SequenceProperty] = sequence };

    public static StoredItem ToItem(TableEntity e) =>
        new(e.RowKey, e.ETag!, FieldMapJson.Parse(e.GetString(ContactProperty)), e.GetString(MarkerProperty), e.Timestamp);

    /// <summary>The JSON for a contact, or why it cannot be stored.</summary>
    public static (string? Json, string? Problem) Serialize(FieldMap item)
    {
        var json = FieldMapJson.Serialize(item);
        return json.Length <= MaxContactJson
            ? (json, null)
            : (null, $"The contact is {json.Length} characters as JSON; Table Storage holds at most {MaxContactJson} (64 KiB) in one property. Shorten its notes or lists.");
    }
}
