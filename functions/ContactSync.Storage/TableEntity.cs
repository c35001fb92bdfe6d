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
    public DateTimeOffset? GetDateTime(string name) => this[name] switch
    {
        DateTimeOffset t => t,
        DateTime t => EntityJson.AsUtc(t),
        _ => null,
    };

    /// <summary>Also accepts Int32: the service returns a whole-number double without its Edm.Double annotation,
    /// so it reads back as an int (Azure/azure-sdk-for-js#19899).</summary>
    public double? GetDouble(string name) => this[name] switch { double d => d, int i => i, long l => l, _ => null };
    public Guid? GetGuid(string name) => this[name] as Guid?;
    public byte[]? GetBinary(string name) => this[name] as byte[];
}
