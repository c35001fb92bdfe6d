namespace ContactSync.Storage;

/// <summary>Copies entities in and out of <see cref="InMemoryTableStore"/> the way a round trip through the service
/// shapes them: DateTime becomes a UTC DateTimeOffset, nulls are dropped, byte arrays are not shared.</summary>
internal static class StoredEntity
{
    public static TableEntity Copy(TableEntity e, string? etag, DateTimeOffset? timestamp, IReadOnlyList<string>? select = null)
    {
        var copy = new TableEntity(e.PartitionKey, e.RowKey) { ETag = etag, Timestamp = timestamp };
        foreach (var (name, value) in e.Properties)
        {
            if (value is null || (select is not null && !select.Contains(name))) continue;
            copy.Properties[name] = value switch
            {
                DateTime t => EntityJson.AsUtc(t),
                DateTimeOffset t => t.ToUniversalTime(),
                byte[] b => b.ToArray(),
                _ => value,
            };
        }
        return copy;
    }

    public static void MergeInto(TableEntity target, TableEntity source)
    {
        foreach (var (name, value) in Copy(source, null, null).Properties) target.Properties[name] = value;
    }
}
