namespace ContactSync.Hub.Directory.Csv;

/// <summary>A CSV column that carries a contact field: <paramref name="Slot"/> orders the columns sharing one field
/// ("E-mail Address" 0, "E-mail 2 Address" 1, …). For list fields each slot holds one entry and the last slot the rest,
/// joined by "; "; for text fields the slots are joined by ", " (Outlook's "Business Street 2" and "3").</summary>
public sealed record CsvColumn(string Header, string Field, int Slot = 0);
