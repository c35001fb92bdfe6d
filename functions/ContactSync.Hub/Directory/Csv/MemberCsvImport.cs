using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>Imports a group's members from a CSV upload (Outlook's export or the plain layout; encoding and separator
/// detected: <see cref="CsvDecoding"/>, <see cref="CsvText.DetectSeparator"/>). Good rows are imported, bad ones reported
/// by line; re-importing updates members instead of duplicating them (<see cref="MemberIds"/>).</summary>
public sealed class MemberCsvImport(GroupStore groups)
{
    /// <param name="charset">The upload's <c>charset</c> parameter, if any (used only for bytes that are not UTF-8).</param>
    /// <param name="region">The tenant's default phone region.</param>
    /// <param name="replace">Make the file the whole group: members not among its good rows are removed (the result's
    /// <see cref="CsvImportResult.Removed"/>). Otherwise the file adds and updates only.</param>
    public async Task<Outcome<CsvImportResult>> ImportAsync(string tenantId, string groupId, byte[] body, string? charset,
        string? region, bool replace = false, CancellationToken ct = default)
    {
        if (!await groups.ExistsAsync(tenantId, groupId, ct)) return Outcome<CsvImportResult>.NotFound($"Group '{groupId}' does not exist.");
        var (text, encoding) = CsvDecoding.Decode(body, charset, region);
        var separator = CsvText.DetectSeparator(text);
        var records = CsvText.Read(text, separator);
        if (records.Count == 0) return Outcome<CsvImportResult>.Invalid("body", "The CSV file is empty.");
        var header = records[0].Fields;
        if (CsvContactFormat.Detect(header) is not { } format)
            return Outcome<CsvImportResult>.Invalid("body",
                "The first line is not a known header: use Outlook's contact export (\"First Name\",\"Last Name\",\"E-mail Address\",…) " +
                "or the plain layout (displayName,email,phone,…).");

        var read = format.Reader(header);
        var errors = new List<CsvLineMessage>();
        var warnings = new List<CsvLineMessage>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<Member>();
        foreach (var record in records.Skip(1))
        {
            var raw = read(record.Fields);
            if (raw.Values.Count == 0) continue;
            var candidate = MemberContact.Prepare(raw, region);
            warnings.AddRange(candidate.Warnings.Select(w => new CsvLineMessage(record.Line, w)));
            if (candidate.Member is not { } member) { errors.Add(new(record.Line, candidate.Error!)); continue; }
            if (lineOf.TryGetValue(member.Id, out var earlier))
                warnings.Add(new(record.Line, $"The same contact as line {earlier} (same e-mail address, or name and phone): this row replaces it."));
            lineOf[member.Id] = record.Line;
            members.Add(member);
        }

        var written = await groups.WriteMembersAsync(tenantId, groupId, members, replace, ct);
        if (!written.IsOk) return written.As<CsvImportResult>();
        var result = written.Value!;
        await groups.RecordCsvFormatAsync(tenantId, groupId, format.Name, ct);
        errors.AddRange(result.Failed.Select(f => new CsvLineMessage(lineOf[f.Key], $"Not saved: {f.Value}")));
        return Outcome<CsvImportResult>.Ok(new(result.Imported.Count, result.Updated.Count, result.Unchanged.Count, result.Removed.Count,
            [.. errors.OrderBy(e => e.Line)], [.. warnings.OrderBy(w => w.Line)], format.Name, encoding.WebName, separator));
    }
}
