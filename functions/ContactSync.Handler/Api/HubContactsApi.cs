using ContactSync.Handler.Tenancy;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;
using ContactSync.Storage;
using Microsoft.Net.Http.Headers;

namespace ContactSync.Handler.Api;

/// <summary>The tenant's hub contacts (M9, M15): <c>PUT|GET|DELETE …/contacts/{contactId}</c> (ETag = version; If-Match
/// honoured on PUT and DELETE: a stale version or an If-Match that is no list of entity tags is 412), <c>GET …/contacts?tag=&amp;category=</c>, and <c>GET …/contacts/export?format=csv</c>
/// (UTF-8 with BOM, Outlook's columns, every value the hub holds).</summary>
public static class HubContactsApi
{
    public static RouteGroupBuilder MapHubContactsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/contacts", ListAsync);
        tenant.MapGet("/contacts/export", ExportAsync);
        tenant.MapPut("/contacts/{contactId}", PutAsync);
        tenant.MapGet("/contacts/{contactId}", GetAsync);
        tenant.MapDelete("/contacts/{contactId}", DeleteAsync);
        return tenant;
    }

    private static HubContactService Service(ITableStore tables, TenantStore tenants) => new(tables, tenants);

    /// <summary>If-Match as the store takes it: null when absent, "*", the one tag given, or of several the one that is
    /// the current version (else the first, which then fails as stale). A value that is not "*" or a list of entity
    /// tags (RFC 9110 §13.1.1) matches no version: <c>Refused</c> is the 412 (it reached the store as a 500 before).</summary>
    private static async Task<(string? Tag, IResult? Refused)> IfMatchAsync(HttpRequest request, Func<Task<string?>> current)
    {
        var header = request.Headers.IfMatch;
        if (header.All(string.IsNullOrWhiteSpace)) return (null, null);
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0
            || tags.Count > 1 && tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
            || !tags.All(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value![1..^1].All(IsEtagChar)))
            return (null, ApiResults.Problem(412, "Precondition Failed",
                $"If-Match '{header}' is not \"*\" or a list of entity tags, so it matches no version. Send the ETag a GET returned."));
        if (tags.Count == 1) return (tags[0].ToString(), null);
        var now = await current();
        return (tags.Select(t => t.ToString()).FirstOrDefault(t => t == now) ?? tags[0].ToString(), null);
    }

    // etagc = %x21 / %x23-7E / obs-text: no space, no DQUOTE (the parser takes any quoted-string).
    private static bool IsEtagChar(char c) => c == '!' || c >= '#' && c != '\x7F';

    private static async Task<IResult> PutAsync(string contactId, HttpContext http, ITableStore tables, TenantStore tenants, CancellationToken ct)
    {
        if (!Ids.IsValid(contactId)) return ApiResults.BadId("contactId", contactId);
        var parsed = HubContactJson.Parse(contactId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var tenant = TenantAccessFilter.TenantOf(http);
        var service = Service(tables, tenants);
        var (ifMatch, refused) = await IfMatchAsync(http.Request, async () => (await service.GetAsync(tenant.Id, contactId, ct))?.Version);
        if (refused is not null) return refused;
        return ApiResults.From(await service.PutAsync(tenant.Id, contactId, parsed.Value!, ifMatch, ct), saved =>
        {
            var body = HubContactJson.Write(saved.Contact);
            body["warnings"] = new System.Text.Json.Nodes.JsonArray([.. saved.Warnings.Select(w => (System.Text.Json.Nodes.JsonNode)w!)]);
            http.Response.Headers.ETag = saved.Contact.Version;
            return ApiResults.Saved(http, saved.Created, body.ToJsonString());
        });
    }

    private static async Task<IResult> GetAsync(string contactId, HttpContext http, ITableStore tables, TenantStore tenants, CancellationToken ct)
    {
        if (!Ids.IsValid(contactId)) return ApiResults.BadId("contactId", contactId);
        if (await Service(tables, tenants).GetAsync(TenantAccessFilter.TenantOf(http).Id, contactId, ct) is not { } contact)
            return ApiResults.NotFound("Contact", contactId);
        http.Response.Headers.ETag = contact.Version;
        return ApiResults.Json(HubContactJson.Write(contact).ToJsonString());
    }

    private static async Task<IResult> DeleteAsync(string contactId, HttpContext http, ITableStore tables, TenantStore tenants, CancellationToken ct)
    {
        if (!Ids.IsValid(contactId)) return ApiResults.BadId("contactId", contactId);
        var (tenantId, service) = (TenantAccessFilter.TenantOf(http).Id, Service(tables, tenants));
        var (ifMatch, refused) = await IfMatchAsync(http.Request, async () => (await service.GetAsync(tenantId, contactId, ct))?.Version);
        if (refused is not null) return refused;
        return ApiResults.From(await service.DeleteAsync(tenantId, contactId, ifMatch, ct), _ => TypedResults.NoContent());
    }

    private static async Task<IResult> ListAsync(string? tag, string? category, HttpContext http, ITableStore tables, TenantStore tenants,
        CancellationToken ct)
    {
        var contacts = await Service(tables, tenants).ListAsync(TenantAccessFilter.TenantOf(http).Id, tag, category, ct);
        var value = new System.Text.Json.Nodes.JsonArray([.. contacts.Select(c => (System.Text.Json.Nodes.JsonNode)HubContactJson.Write(c))]);
        return ApiResults.Json(new System.Text.Json.Nodes.JsonObject { ["value"] = value }.ToJsonString());
    }

    private static async Task<IResult> ExportAsync(string? format, string? tag, string? category, HttpContext http, ITableStore tables,
        TenantStore tenants, CancellationToken ct)
    {
        if (format is not (null or "csv")) return ApiResults.Invalid(ValidationErrors.Of("format", $"format '{format}' is not supported: use csv."));
        var tenant = TenantAccessFilter.TenantOf(http);
        var bytes = await Service(tables, tenants).ExportCsvAsync(tenant.Id, tag, category, ct);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"{tenant.Id}-contacts.csv");
    }
}
