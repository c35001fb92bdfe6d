using ContactSync.Handler.Tenancy;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary>The tenant's hub contacts (M9, M15): <c>PUT|GET|DELETE …/contacts/{contactId}</c> (ETag = version; If-Match
/// honoured on PUT and DELETE), <c>GET …/contacts?tag=&amp;category=</c>, and <c>GET …/contacts/export?format=csv</c>
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

    private static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.ToString() is { Length: > 0 } v ? v : null;

    private static async Task<IResult> PutAsync(string contactId, HttpContext http, ITableStore tables, TenantStore tenants, CancellationToken ct)
    {
        if (!Ids.IsValid(contactId)) return ApiResults.BadId("contactId", contactId);
        var parsed = HubContactJson.Parse(contactId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var tenant = TenantAccessFilter.TenantOf(http);
        return ApiResults.From(await Service(tables, tenants).PutAsync(tenant.Id, contactId, parsed.Value!, IfMatch(http.Request), ct), saved =>
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
        return ApiResults.From(await Service(tables, tenants).DeleteAsync(TenantAccessFilter.TenantOf(http).Id, contactId, IfMatch(http.Request), ct),
            _ => TypedResults.NoContent());
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
