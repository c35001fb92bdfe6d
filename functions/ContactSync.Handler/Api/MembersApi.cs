using System.Net.Http.Headers;
using ContactSync.Handler.Tenancy;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>A group's members: <c>POST …/groups/{groupId}/members/import</c> (text/csv up to 10 MiB, the charset
/// parameter honoured for non-UTF-8 bytes; <c>?replace=true</c> makes the file the whole group) and
/// <c>GET …/groups/{groupId}/members?top=&amp;continuation=</c>. An import where some rows are good answers 200 with
/// the bad rows by line; one where no row could be used and some were bad answers 422 with the same body — nothing was
/// written, and a script must not mistake that for success.</summary>
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/groups/{groupId}/members/import", ImportAsync);
        tenant.MapGet("/groups/{groupId}/members", ListAsync);
        return tenant;
    }

    private static async Task<IResult> ImportAsync(string groupId, bool? replace, HttpContext http, GroupStore groups, CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(groupId)) return ApiResults.BadId("groupId", groupId);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || !IsCsv(type.MediaType))
            return ApiResults.Problem(415, "CSV expected", "Send the file as text/csv (optionally with a charset parameter).");
        var body = await RequestBody.ReadAsync(http.Request, RequestBody.CsvLimit, ct);
        var outcome = await new MemberCsvImport(groups).ImportAsync(tenant.Id, groupId, body, type.CharSet, tenant.DefaultRegion,
            replace ?? false, ct);
        return ApiResults.From(outcome, r =>
        {
            var view = new
            {
                imported = r.Imported, updated = r.Updated, unchanged = r.Unchanged, removed = r.Removed,
                errors = r.Errors.Select(e => new { line = e.Line, message = e.Message }),
                warnings = r.Warnings.Select(w => new { line = w.Line, message = w.Message }),
                format = r.Format, encoding = r.Encoding, separator = r.Separator.ToString(),
            };
            var nothingUsable = r.Imported + r.Updated + r.Unchanged == 0 && r.Errors.Count > 0;
            return TypedResults.Json(view, statusCode: nothingUsable ? 422 : 200);
        });
    }

    private static bool IsCsv(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase));

    private static async Task<IResult> ListAsync(string groupId, string? top, string? continuation, HttpContext http,
        GroupStore groups, ITableStore tables, CancellationToken ct)
    {
        if (!Ids.IsValid(groupId)) return ApiResults.BadId("groupId", groupId);
        var errors = new ValidationErrors();
        var size = MemberPages.DefaultTop;
        if (top is not null && !(int.TryParse(top, out size) && size is >= 1 and <= MemberPages.MaxTop))
            errors.Add("top", $"top must be a whole number from 1 to {MemberPages.MaxTop}.");
        if (!errors.IsValid) return ApiResults.Invalid(errors);
        return ApiResults.From(await new MemberPages(tables, groups).ReadAsync(TenantAccessFilter.TenantOf(http).Id, groupId, size, continuation, ct), page =>
            TypedResults.Ok(new { value = page.Members.Select(m => new { id = m.Id, contact = m.Contact.Values }), continuation = page.Continuation }));
    }
}
