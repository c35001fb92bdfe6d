using System.Text.RegularExpressions;

namespace ContactSync.Storage;

/// <summary>The Table service's limits (FACTS.md §3.4–3.5), checked before sending and enforced the same way by
/// <see cref="InMemoryTableStore"/>.</summary>
internal static partial class TableRules
{
    public const int MaxCustomProperties = 252;
    public const int MaxStringChars = 32 * 1024; // 64 KiB of UTF-16
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;
    public const int MaxPageSize = 1000;
    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    public static void CheckTableName(string table)
    {
        if (table is null || !TableName().IsMatch(table) || table.Equals("tables", StringComparison.OrdinalIgnoreCase))
            throw Bad("InvalidResourceName", $"Table name '{table}' is invalid: 3–63 letters and digits, starting with a letter, not 'tables'.");
    }

    public static void CheckKeys(string partitionKey, string rowKey)
    {
        TableKeys.Validate(partitionKey, "PartitionKey");
        TableKeys.Validate(rowKey, "RowKey");
    }

    public static void CheckEntity(TableEntity entity)
    {
        CheckKeys(entity.PartitionKey, entity.RowKey);
        var count = entity.Properties.Count(p => p.Value is not null);
        if (count > MaxCustomProperties)
            throw Bad("TooManyProperties", $"Entity ({Id(entity)}) has {count} properties; the limit is {MaxCustomProperties} besides the keys and Timestamp.");
        foreach (var (name, value) in entity.Properties)
        {
            if (PropertyNameProblem(name) is { } problem) throw Bad("PropertyNameInvalid", $"Entity ({Id(entity)}): {problem}");
            switch (value)
            {
                case null or bool or int or long or double or Guid: break;
                case string s when s.Length > MaxStringChars:
                    throw TooLarge("PropertyValueTooLarge", $"Property {name} of ({Id(entity)}) has {s.Length} characters; the limit is {MaxStringChars} (64 KiB).");
                case string: break;
                case byte[] b when b.Length > MaxBinaryBytes:
                    throw TooLarge("PropertyValueTooLarge", $"Property {name} of ({Id(entity)}) has {b.Length} bytes; the limit is {MaxBinaryBytes}.");
                case byte[]: break;
                case DateTimeOffset t when t < MinDate: throw Bad("OutOfRangeInput", $"Property {name} of ({Id(entity)}) is before 1601-01-01.");
                case DateTime t when EntityJson.AsUtc(t) < MinDate: throw Bad("OutOfRangeInput", $"Property {name} of ({Id(entity)}) is before 1601-01-01.");
                case DateTimeOffset or DateTime: break;
                default: throw UnsupportedType(name, value);
            }
        }
        var size = EntitySize(entity);
        if (size > MaxEntityBytes)
            throw TooLarge("EntityTooLarge", $"Entity ({Id(entity)}) is about {size} bytes; the limit is {MaxEntityBytes} (1 MiB).");
    }

    /// <summary>Null for a valid custom property name (C# identifier rules, ≤ 255 characters, not a system property).</summary>
    public static string? PropertyNameProblem(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 255) return $"Property name '{name}' must have 1–255 characters.";
        if (name is "PartitionKey" or "RowKey" or "Timestamp")
            return $"Property name '{name}' is a system property; set it on TableEntity itself.";
        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            return $"Property name '{name}' is not a valid identifier (letters, digits, '_', not starting with a digit).";
        return null;
    }

    /// <summary>The size formula of the Table data model: 4 + 2·(|PK| + |RK|) + Σ (8 + 2·|name| + value size).</summary>
    public static long EntitySize(TableEntity e) =>
        4 + 2L * (e.PartitionKey.Length + e.RowKey.Length) + e.Properties.Where(p => p.Value is not null).Sum(p => 8 + 2L * p.Key.Length + p.Value switch
        {
            string s => 4 + 2L * s.Length,
            byte[] b => 4 + b.Length,
            bool => 1,
            int => 4,
            Guid => 16,
            _ => 8,
        });

    public static void CheckTop(int? top)
    {
        if (top is < 1 or > MaxPageSize) throw Bad("InvalidInput", $"$top must be between 1 and {MaxPageSize}, not {top}.");
    }

    public static StorageException UnsupportedType(string name, object value) =>
        Bad("InvalidInput", $"Property {name} has type {value.GetType().Name}; use string, bool, int, long, double, DateTimeOffset, Guid or byte[].");

    public static StorageException Bad(string code, string message) => StorageException.Refused(StorageErrorKind.BadRequest, code, message);
    public static StorageException TooLarge(string code, string message) => StorageException.Refused(StorageErrorKind.TooLarge, code, message);
    public static string Id(TableEntity e) => $"PartitionKey '{TableKeys.Show(e.PartitionKey)}', RowKey '{TableKeys.Show(e.RowKey)}'";
}
