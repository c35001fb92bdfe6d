using System.Globalization;
using ContactSync.Storage;

namespace ContactSync.Hub.SyncState;

/// <summary>Text longer than one string property (32K UTF-16 characters, 64 KiB) spread over <c>name</c>,
/// <c>name1</c>, <c>name2</c>…; the entity's 1 MiB limit still applies (the store refuses more, naming it).</summary>
internal static class LongText
{
    public const int ChunkChars = 32 * 1024;

    public static void Write(TableEntity e, string name, string? text)
    {
        for (var i = 0; e.Properties.Remove(Part(name, i)); i++) { }
        if (string.IsNullOrEmpty(text)) return;
        for (int i = 0, at = 0; at < text.Length; i++, at += ChunkChars)
            e[Part(name, i)] = text.Substring(at, Math.Min(ChunkChars, text.Length - at));
    }

    public static string? Read(TableEntity e, string name)
    {
        if (e.GetString(name) is not { } first) return null;
        var parts = new List<string> { first };
        for (var i = 1; e.GetString(Part(name, i)) is { } next; i++) parts.Add(next);
        return string.Concat(parts);
    }

    private static string Part(string name, int i) => i == 0 ? name : name + i.ToString(CultureInfo.InvariantCulture);
}
