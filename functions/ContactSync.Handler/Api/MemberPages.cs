using System.Text;
using System.Text.Json;
using ContactSync.Hub;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>A group's members a page at a time, straight from the group's partition of <c>members</c>. The continuation
/// carries the table's own (opaque) continuation with the listing it belongs to, as base64url JSON; one from another
/// listing is refused. A crafted token cannot reach other rows anyway: every page is read with this partition's filter.</summary>
public sealed class MemberPages(ITableStore tables, GroupStore groups)
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;
    // The members row's contact JSON (ContactSync.Hub.Directory.MemberEntity.ContactProperty, internal there).
    private const string ContactProperty = "contact";

    public sealed record Page(IReadOnlyList<Member> Members, string? Continuation);
    private sealed record Token(string L, string P, string? R);

    public async Task<Outcome<Page>> ReadAsync(string tenantId, string groupId, int top, string? continuation, CancellationToken ct)
    {
        if (!await groups.ExistsAsync(tenantId, groupId, ct)) return Outcome<Page>.NotFound($"Group '{groupId}' does not exist.");
        var partition = $"{tenantId}|{groupId}";
        TableContinuation? from = null;
        if (continuation is not null)
        {
            if (Decode(continuation) is not { } token || token.L != partition || token.P is null)
                return Outcome<Page>.Invalid("continuation", "continuation is not a token this listing returned.");
            from = new TableContinuation(token.P, token.R);
        }
        var page = await tables.QueryPageAsync(HubTables.Members, new TableQuery(TableFilter.Partition(partition), null, top), from, ct);
        var members = page.Entities.Select(e => new Member(e.RowKey, FieldMapJson.Parse(e.GetString(ContactProperty)))).ToList();
        var next = page.Continuation is { } c ? Encode(new Token(partition, c.NextPartitionKey, c.NextRowKey)) : null;
        return Outcome<Page>.Ok(new Page(members, next));
    }

    private static string Encode(Token t) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(t)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Token? Decode(string text)
    {
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize<Token>(Encoding.UTF8.GetString(Convert.FromBase64String(b64)));
        }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
    }
}
