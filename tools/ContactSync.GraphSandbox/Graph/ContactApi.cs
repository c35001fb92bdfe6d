using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Contacts of the default folder (<c>/users/{u}/contacts</c>) or of one folder (<c>.../contactFolders/{f}/contacts</c>):
/// list, create, get, PATCH and DELETE with If-Match.</summary>
public static class ContactApi
{
    public static void MapContactApi(this IEndpointRouteBuilder app)
    {
        const string inDefault = "/v1.0/users/{user}/contacts";
        const string inFolder = "/v1.0/users/{user}/contactFolders/{folderId}/contacts";
        app.MapGet(inDefault, (HttpContext c, SandboxState s) => List(c, s, null));
        app.MapGet(inFolder, (string folderId, HttpContext c, SandboxState s) => List(c, s, folderId));
        app.MapPost(inDefault, (JsonObject body, HttpContext c, SandboxState s, ContactStore store) => Create(c, s, store, null, body));
        app.MapPost(inFolder, (string folderId, JsonObject body, HttpContext c, SandboxState s, ContactStore store) => Create(c, s, store, folderId, body));
        app.MapGet(inDefault + "/{id}", (string id, HttpContext c, SandboxState s, ContactStore store) => Get(c, s, store, null, id));
        app.MapGet(inFolder + "/{id}", (string folderId, string id, HttpContext c, SandboxState s, ContactStore store) => Get(c, s, store, folderId, id));
        app.MapPatch(inDefault + "/{id}", (string id, JsonObject body, HttpContext c, SandboxState s, ContactStore store) => Update(c, s, store, null, id, body));
        app.MapPatch(inFolder + "/{id}", (string folderId, string id, JsonObject body, HttpContext c, SandboxState s, ContactStore store) => Update(c, s, store, folderId, id, body));
        app.MapDelete(inDefault + "/{id}", (string id, HttpContext c, SandboxState s, ContactStore store) => Delete(c, s, store, null, id));
        app.MapDelete(inFolder + "/{id}", (string folderId, string id, HttpContext c, SandboxState s, ContactStore store) => Delete(c, s, store, folderId, id));
    }

    static IResult List(HttpContext c, SandboxState s, string? folderId)
    {
        var mailbox = MailboxContext.Of(c, s);
        var folder = MailboxContext.Folder(mailbox, s, folderId ?? mailbox.DefaultFolder.Id);
        var select = Query.Select(c.Request, ContactSchema.Selectable, "microsoft.graph.contact");
        var filter = Query.ExtendedPropertyFilter(c.Request);
        var expand = Query.ExpandExtendedId(c.Request);
        var top = Math.Clamp(Query.Int(c.Request, "$top") ?? s.Options.DefaultPageSize, 1, s.Options.MaxPageSize);
        var skip = Query.Int(c.Request, "$skip") ?? 0;
        List<JsonObject> page;
        int total;
        lock (s.Gate)
        {
            var matching = mailbox.Contacts.Values.Where(x => x.FolderId == folder.Id)
                .Where(x => filter is not { } f || (x.Extended.TryGetValue(f.Id, out var v) && v == f.Value))
                .OrderBy(x => x.Created).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            total = matching.Count;
            page = matching.Skip(skip).Take(top).Select(x => ContactSchema.Render(x, select, expand)).ToList();
        }
        var body = new JsonObject
        {
            ["@odata.context"] = MailboxContext.Context(c.Request, mailbox.User.Id, "contacts"),
            ["value"] = new JsonArray(page.Select(p => (JsonNode)p).ToArray()),
        };
        if (skip + top < total)
        {
            var query = System.Web.HttpUtility.ParseQueryString(c.Request.QueryString.Value ?? "");
            query["$top"] = top.ToString();
            query["$skip"] = (skip + top).ToString();
            body["@odata.nextLink"] = $"{Query.BaseUrl(c.Request)}{c.Request.Path}?{query}";
        }
        return Results.Json(body);
    }

    static IResult Create(HttpContext c, SandboxState s, ContactStore store, string? folderId, JsonObject body)
    {
        var mailbox = MailboxContext.Of(c, s);
        var contact = store.Create(mailbox, folderId ?? mailbox.DefaultFolder.Id, body);
        return Entity(c, mailbox, contact, 201, null);
    }

    static IResult Get(HttpContext c, SandboxState s, ContactStore store, string? folderId, string id)
    {
        var mailbox = MailboxContext.Of(c, s);
        var select = Query.Select(c.Request, ContactSchema.Selectable, "microsoft.graph.contact");
        var expand = Query.ExpandExtendedId(c.Request);
        lock (s.Gate) return Entity(c, mailbox, store.Find(mailbox, id, folderId), 200, select, expand);
    }

    static IResult Update(HttpContext c, SandboxState s, ContactStore store, string? folderId, string id, JsonObject body)
    {
        var mailbox = MailboxContext.Of(c, s);
        var contact = store.Update(mailbox, id, body, c.Request.Headers.IfMatch.FirstOrDefault(), folderId);
        return Entity(c, mailbox, contact, 200, null);
    }

    static IResult Delete(HttpContext c, SandboxState s, ContactStore store, string? folderId, string id)
    {
        store.Delete(MailboxContext.Of(c, s), id, c.Request.Headers.IfMatch.FirstOrDefault(), folderId);
        return Results.NoContent();
    }

    static IResult Entity(HttpContext c, Mailbox mailbox, StoredContact contact, int status, IReadOnlyList<string>? select, string? expand = null)
    {
        var json = new JsonObject { ["@odata.context"] = MailboxContext.Context(c.Request, mailbox.User.Id, "contacts/$entity") };
        foreach (var (k, v) in ContactSchema.Render(contact, select, expand)) json[k] = v?.DeepClone();
        c.Response.Headers.ETag = contact.ETag;
        return Results.Json(json, statusCode: status);
    }
}
