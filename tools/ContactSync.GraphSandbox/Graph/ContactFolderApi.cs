using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Contact folders under a user's default Contacts folder: list (with <c>$filter=displayName eq '…'</c>), get, create.</summary>
public static class ContactFolderApi
{
    public static void MapContactFolderApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1.0/users/{user}/contactFolders", (HttpContext c, SandboxState s) =>
        {
            var mailbox = MailboxContext.Of(c, s);
            var name = Query.DisplayNameFilter(c.Request);
            List<ContactFolder> folders;
            lock (s.Gate)
                folders = mailbox.Folders.Values.Where(f => f.Id != mailbox.DefaultFolder.Id)
                    .Where(f => name is null || string.Equals(f.DisplayName, name, StringComparison.OrdinalIgnoreCase)).ToList();
            return Results.Json(new JsonObject
            {
                ["@odata.context"] = MailboxContext.Context(c.Request, mailbox.User.Id, "contactFolders"),
                ["value"] = new JsonArray(folders.Select(f => (JsonNode)Render(f)).ToArray()),
            });
        });
        app.MapGet("/v1.0/users/{user}/contactFolders/{folderId}", (string folderId, HttpContext c, SandboxState s) =>
        {
            var mailbox = MailboxContext.Of(c, s);
            var json = Render(MailboxContext.Folder(mailbox, s, folderId));
            json["@odata.context"] = MailboxContext.Context(c.Request, mailbox.User.Id, "contactFolders/$entity");
            return Results.Json(json);
        });
        app.MapPost("/v1.0/users/{user}/contactFolders", (JsonObject body, HttpContext c, SandboxState s) =>
        {
            var mailbox = MailboxContext.Of(c, s);
            var folder = Create(s, mailbox, body["displayName"]?.GetValue<string>(), body["parentFolderId"]?.GetValue<string>());
            var json = Render(folder);
            json["@odata.context"] = MailboxContext.Context(c.Request, mailbox.User.Id, "contactFolders/$entity");
            return Results.Json(json, statusCode: 201);
        });
    }

    public static ContactFolder Create(SandboxState state, Mailbox mailbox, string? displayName, string? parentFolderId)
    {
        if (string.IsNullOrWhiteSpace(displayName)) throw new GraphException(400, "ErrorInvalidRequest", "The folder display name must be set.");
        lock (state.Gate)
        {
            var parent = parentFolderId ?? mailbox.DefaultFolder.Id;
            if (!mailbox.Folders.ContainsKey(parent)) throw GraphException.NotFound();
            if (mailbox.Folders.Values.Any(f => f.ParentFolderId == parent && string.Equals(f.DisplayName, displayName, StringComparison.OrdinalIgnoreCase)))
                throw new GraphException(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            var folder = new ContactFolder(Ids.NewFolderId(), displayName, parent);
            mailbox.Folders[folder.Id] = folder;
            return folder;
        }
    }

    static JsonObject Render(ContactFolder f) => new() { ["id"] = f.Id, ["displayName"] = f.DisplayName, ["parentFolderId"] = f.ParentFolderId };
}
