using System.Text.RegularExpressions;

namespace ContactSync.Storage;

/// <summary>Reads the per-operation responses of a <c>$batch</c> reply. A failed changeset holds a single error whose
/// message starts with the zero-based index of the failing operation (<c>"3:The specified entity already exists."</c>).</summary>
internal static partial class TableBatchResponse
{
    [GeneratedRegex(@"^--changesetresponse_[^\r\n]*\r?$", RegexOptions.Multiline)]
    private static partial Regex PartBoundary();

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n", RegexOptions.Multiline)]
    private static partial Regex StatusAndHeaders();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();

    /// <summary>The ETag of each operation, in order; throws the typed error of a failed changeset.</summary>
    public static IReadOnlyList<string?> Read(string body, int operationCount, string table)
    {
        var etags = new List<string?>(operationCount);
        foreach (var part in PartBoundary().Split(body).Skip(1))
        {
            var m = StatusAndHeaders().Match(part);
            if (!m.Success) continue;
            var status = int.Parse(m.Groups[1].Value);
            var headers = ParseHeaders(m.Groups[2].Value);
            if (status >= 400)
            {
                var (code, message) = StorageErrors.Parse(part[(m.Index + m.Length)..].Trim());
                int? index = message is not null && IndexPrefix().Match(message) is { Success: true } im ? int.Parse(im.Groups[1].Value)
                    : headers.TryGetValue("Content-ID", out var id) && int.TryParse(id, out var cid) ? cid - 1 : null;
                if (message is not null) message = IndexPrefix().Replace(message, "");
                throw StorageErrors.Create(status, code, message,
                    $"Transaction on table {table}, operation {(index?.ToString() ?? "?")}", index);
            }
            etags.Add(headers.GetValueOrDefault("ETag"));
        }
        if (etags.Count != operationCount)
            throw new StorageException(StorageErrorKind.Other, 202, null,
                $"Transaction on table {table}: expected {operationCount} operation responses, read {etags.Count}.");
        return etags;
    }

    private static Dictionary<string, string> ParseHeaders(string block) =>
        block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
}
