using System.Text.Json;

namespace ContactSync.Hub.Policies;

/// <summary>Enum values as the API writes them: camelCase names ("twoWay", "hubWins"), nothing else (no numbers).</summary>
public static class JsonNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(Of(v), text, StringComparison.Ordinal)) { value = v; return true; }
        value = default;
        return false;
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));
}
