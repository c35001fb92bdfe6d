using ContactSync.Hub.Directory.Csv;

namespace ContactSync.Hub.Backups;

/// <summary>A snapshot as a CSV file in an import layout (Outlook's by default), so it re-imports with the same columns.</summary>
public static class SnapshotCsv
{
    public static byte[] ToBytes(IReadOnlyList<SnapshotItem> items, string? format = null) =>
        ContactCsvExport.ToBytes(items.Select(i => i.Fields), CsvContactFormat.ByName(format));
}
