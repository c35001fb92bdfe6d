using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Graph.Client;
using Microsoft.Kiota.Abstractions;

namespace ContactSync.Graph.Contacts;

/// <summary>The contact requests that go into batches, built for one mailbox; <paramref name="folderPath"/> is
/// <c>contactFolders/{id}</c> or empty for the default folder.</summary>
sealed class ContactRequests(GraphTenantClient client, string mailbox)
{
    string Root => $"{client.Settings.VersionedBaseUrl}/users/{Uri.EscapeDataString(mailbox)}";
    static string Read => $"$select={ContactReader.Select}&$expand={Uri.EscapeDataString(ContactMarker.Expand)}";

    public static string FolderPath(string? folderId) => folderId is null ? "" : $"contactFolders/{Uri.EscapeDataString(folderId)}/";

    public RequestInformation Get(string id) => Build(Method.GET, $"{Root}/contacts/{Uri.EscapeDataString(id)}?{Read}");

    public RequestInformation FindByMarker(string folderPath, string marker) =>
        Build(Method.GET, $"{Root}/{folderPath}contacts?$filter={Uri.EscapeDataString(ContactMarker.Filter(marker))}&{Read}");

    public RequestInformation Create(string folderPath, FieldMap item, string? marker) =>
        Json(Build(Method.POST, $"{Root}/{folderPath}contacts"), ContactWriter.Body(item, marker));

    public RequestInformation Update(string id, string ifVersion, FieldMap item) =>
        Json(IfMatch(Build(Method.PATCH, $"{Root}/contacts/{Uri.EscapeDataString(id)}"), ifVersion), ContactWriter.Body(item));

    public RequestInformation Delete(string id, string ifVersion) =>
        IfMatch(Build(Method.DELETE, $"{Root}/contacts/{Uri.EscapeDataString(id)}"), ifVersion);

    static RequestInformation Build(Method method, string url) => new() { HttpMethod = method, URI = new Uri(url) };

    static RequestInformation IfMatch(RequestInformation request, string version)
    {
        request.Headers.Add("If-Match", version);
        return request;
    }

    static RequestInformation Json(RequestInformation request, JsonObject body)
    {
        request.SetStreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())), "application/json");
        return request;
    }
}
