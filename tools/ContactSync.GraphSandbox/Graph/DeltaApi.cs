using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Contact delta per folder: a round of @odata.nextLink pages ($skiptoken) ending in an @odata.deltaLink
/// ($deltatoken); the next round returns only changes since, deletions as <c>@removed</c>; unknown or expired tokens → 410.</summary>
public static class DeltaApi
{
    public static void MapDeltaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1.0/users/{user}/contacts/delta", (HttpContext c, SandboxState s) => Delta(c, s, null));
        app.MapGet("/v1.0/users/{user}/contactFolders/{folderId}/contacts/delta", (string folderId, HttpContext c, SandboxState s) => Delta(c, s, folderId));
    }

    /// <summary>Graph takes a function as <c>delta</c> or <c>delta()</c> (the form the Kiota SDKs send): one route for both.</summary>
    public static IApplicationBuilder UseDeltaFunctionSyntax(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Value?.EndsWith("/delta()", StringComparison.Ordinal) == true)
            context.Request.Path = context.Request.Path.Value[..^2];
        return next(context);
    });

    static IResult Delta(HttpContext c, SandboxState s, string? folderId)
    {
        var mailbox = MailboxContext.Of(c, s);
        var folder = MailboxContext.Folder(mailbox, s, folderId ?? mailbox.DefaultFolder.Id);
        var requested = Query.MaxPageSize(c.Request, s.Options.MaxPageSize);
        if (requested is { } n) Query.Applied(c, $"odata.maxpagesize={n}");
        var pageSize = requested ?? s.Options.DefaultPageSize;
        lock (s.Gate)
        {
            var round = Round(c.Request, s, mailbox, folder);
            var taken = round.Pending.Take(pageSize).ToList();
            var body = new JsonObject
            {
                ["@odata.context"] = $"{Query.BaseUrl(c.Request)}/v1.0/$metadata#Collection(contact)",
                ["value"] = new JsonArray(taken.Select(entry => (JsonNode)Entry(mailbox, folder, entry, round.Select)).ToArray()),
            };
            var rest = round.Pending.Skip(pageSize).ToList();
            var link = $"{Query.BaseUrl(c.Request)}{c.Request.Path}";
            var token = Ids.NewToken();
            ForgetExpired(s);
            if (rest.Count > 0)
            {
                s.DeltaTokens[token] = round with { Pending = rest, IsDeltaLink = false, Issued = s.Now };
                body["@odata.nextLink"] = $"{link}?$skiptoken={token}";
            }
            else
            {
                s.DeltaTokens[token] = round with { SinceSequence = round.UpToSequence, Pending = [], IsDeltaLink = true, Issued = s.Now };
                body["@odata.deltaLink"] = $"{link}?$deltatoken={token}";
            }
            return Results.Json(body);
        }
    }

    /// <summary>The state of this round: a new one (first call or a deltaLink) or the rest of one (a nextLink).</summary>
    static DeltaToken Round(HttpRequest request, SandboxState s, Mailbox mailbox, ContactFolder folder)
    {
        var skip = request.Query["$skiptoken"].FirstOrDefault();
        var delta = request.Query["$deltatoken"].FirstOrDefault();
        if (skip is null && delta is null)
        {
            var select = Query.Select(request, ContactSchema.Selectable, "microsoft.graph.contact");
            var all = mailbox.Contacts.Values.Where(x => x.FolderId == folder.Id).OrderBy(x => x.Sequence).Select(x => "+" + x.Id).ToList();
            return new DeltaToken(mailbox.User.Id, folder.Id, 0, mailbox.Sequence, select, all, false, s.Now);
        }
        var state = Valid(s, mailbox, folder, skip ?? delta!, isDeltaLink: skip is null);
        if (!state.IsDeltaLink) return state;
        var since = state.SinceSequence;
        var changed = mailbox.Contacts.Values.Where(x => x.FolderId == folder.Id && x.Sequence > since)
            .Select(x => (x.Sequence, Entry: "+" + x.Id));
        var removed = mailbox.Tombstones.Where(t => t.FolderId == folder.Id && t.Sequence > since)
            .Select(t => (t.Sequence, Entry: "-" + t.ContactId));
        var pending = changed.Concat(removed).OrderBy(x => x.Sequence).Select(x => x.Entry).ToList();
        return state with { SinceSequence = since, UpToSequence = mailbox.Sequence, Pending = pending };
    }

    /// <summary>Keeps the token table bounded on long runs: expired tokens could only ever answer 410.</summary>
    static void ForgetExpired(SandboxState s)
    {
        if (s.DeltaTokens.Count < 10_000) return;
        foreach (var stale in s.DeltaTokens.Where(t => s.Now - t.Value.Issued > s.Options.DeltaTokenLifetime).Select(t => t.Key).ToList())
            s.DeltaTokens.Remove(stale);
    }

    static DeltaToken Valid(SandboxState s, Mailbox mailbox, ContactFolder folder, string token, bool isDeltaLink)
    {
        if (s.DeltaTokens.TryGetValue(token, out var state) && state.IsDeltaLink == isDeltaLink && state.MailboxId == mailbox.User.Id
            && state.FolderId == folder.Id && s.Now - state.Issued <= s.Options.DeltaTokenLifetime)
            return state;
        s.DeltaTokens.Remove(token);
        throw new GraphException(410, "SyncStateNotFound",
            "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
    }

    static JsonObject Entry(Mailbox mailbox, ContactFolder folder, string entry, IReadOnlyList<string>? select)
    {
        var id = entry[1..];
        if (entry[0] == '+' && mailbox.Contacts.TryGetValue(id, out var contact) && contact.FolderId == folder.Id)
            return ContactSchema.Render(contact, select);
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.contact",
            ["id"] = id,
            ["@removed"] = new JsonObject { ["reason"] = "deleted" },
        };
    }
}
