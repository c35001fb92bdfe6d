using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>The mailbox the <see cref="Hosting.MailboxGate"/> resolved for this request.</summary>
public static class MailboxContext
{
    public static Mailbox Of(HttpContext context, SandboxState state)
    {
        var id = (string)context.Items["mailboxId"]!;
        lock (state.Gate) return state.Mailboxes.TryGetValue(id, out var mailbox) ? mailbox : throw GraphException.NotFound();
    }

    public static ContactFolder Folder(Mailbox mailbox, SandboxState state, string folderId)
    {
        lock (state.Gate)
            return mailbox.Folders.GetValueOrDefault(folderId)
                ?? throw new GraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    public static string Context(HttpRequest request, string userId, string path) =>
        $"{Query.BaseUrl(request)}/v1.0/$metadata#users('{userId}')/{path}";
}
