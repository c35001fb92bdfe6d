namespace ContactSync.Storage;

/// <summary>A Table Storage entity. Property values are string, bool, int, long, double, DateTimeOffset, Guid or byte[];
/// the client maps them to and from the Edm types on the wire (FACTS.md §3.5).</summary>
public sealed class TableEntity(string partitionKey, string rowKey)
{
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
    public string? ETag { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public Dictionary<string, object?> Properties { get; init; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => this[name] as string;
    public long? GetInt64(string name) => this[name] switch { long l => l, int i => i, _ => null };
    public int? GetInt32(string name) => this[name] switch { int i => i, long l => checked((int)l), _ => null };
    public bool? GetBoolean(string name) => this[name] as bool?;
    public DateTimeOffset? GetDateTime(string name) => this[name] as DateTimeOffset?;
}
