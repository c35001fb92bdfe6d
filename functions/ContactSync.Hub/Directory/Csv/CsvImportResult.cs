namespace ContactSync.Hub.Directory.Csv;

/// <summary>A problem with one CSV row; <see cref="Line"/> is the file's line (1-based) where the row starts.</summary>
public sealed record CsvLineMessage(int Line, string Message);

/// <summary>What an import did: members added, changed, already up to date and (replacing) removed; rows refused
/// (errors) and rows imported with a remark (warnings); the layout and encoding it read the file as.</summary>
public sealed record CsvImportResult(
    int Imported, int Updated, int Unchanged, int Removed, IReadOnlyList<CsvLineMessage> Errors, IReadOnlyList<CsvLineMessage> Warnings,
    string Format, string Encoding, char Separator);
