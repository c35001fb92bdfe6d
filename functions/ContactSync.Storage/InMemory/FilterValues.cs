namespace ContactSync.Storage;

/// <summary>How a filter literal compares with an entity's value: same type only, like the Table service.</summary>
internal static class FilterValues
{
    public static object? Of(TableEntity e, string property) => property switch
    {
        "PartitionKey" => e.PartitionKey,
        "RowKey" => e.RowKey,
        "Timestamp" => e.Timestamp,
        _ => e[property],
    };

    public static bool Matches(object? value, string op, object literal)
    {
        int? order = (value, literal) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (int a, int b) => a.CompareTo(b),
            (long a, long b) => a.CompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (double a, int b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (Guid a, Guid b) => a.CompareTo(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            _ => null,
        };
        return order is { } o && op switch
        {
            "eq" => o == 0,
            "ne" => o != 0,
            "gt" => o > 0,
            "ge" => o >= 0,
            "lt" => o < 0,
            _ => o <= 0,
        };
    }
}
