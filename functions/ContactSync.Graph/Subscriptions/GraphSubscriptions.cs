using ContactSync.Graph.Client;
using ContactSync.Graph.Contacts;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace ContactSync.Graph.Subscriptions;

/// <summary>A subscription Graph holds: its id and when it expires.</summary>
public sealed record GraphSubscription(string Id, DateTimeOffset ExpiresAt);

/// <summary>What to subscribe to and where Graph calls back (FACTS.md §6.1). The lifecycle URL can only be set at creation.</summary>
public sealed record SubscriptionRequest(string Resource, string NotificationUrl, string LifecycleUrl, string ClientState,
    DateTimeOffset ExpiresAt);

/// <summary>Create, renew, reauthorize and delete change-notification subscriptions through the Graph SDK (M24).</summary>
public sealed class GraphSubscriptions(GraphTenantClient client)
{
    public const string ContactChanges = "created,updated,deleted";

    /// <summary>The resource for a contacts target: its folder's contacts, or the mailbox's default contacts.</summary>
    public async Task<string> ContactsResourceAsync(GraphContactsTarget target, CancellationToken ct)
    {
        var folderId = await new ContactFolderResolver(client, target).FolderIdAsync(ct);
        return folderId is null ? $"/users/{target.Mailbox}/contacts" : $"/users/{target.Mailbox}/contactFolders/{folderId}/contacts";
    }

    /// <summary>Graph runs the validation handshake against both URLs before it answers 201.</summary>
    public async Task<GraphSubscription> CreateAsync(SubscriptionRequest request, CancellationToken ct)
    {
        var created = await client.Graph.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = ContactChanges, Resource = request.Resource, NotificationUrl = request.NotificationUrl,
            LifecycleNotificationUrl = request.LifecycleUrl, ClientState = request.ClientState,
            ExpirationDateTime = request.ExpiresAt,
        }, cancellationToken: ct);
        return new GraphSubscription(created?.Id ?? throw new InvalidOperationException("Graph created a subscription without an id."),
            created.ExpirationDateTime ?? request.ExpiresAt);
    }

    /// <summary>Extends the expiry (renewing also reauthorizes); null when Graph no longer has the subscription.</summary>
    public async Task<GraphSubscription?> RenewAsync(string id, DateTimeOffset expiresAt, CancellationToken ct)
    {
        try
        {
            var renewed = await client.Graph.Subscriptions[id].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: ct);
            return new GraphSubscription(id, renewed?.ExpirationDateTime ?? expiresAt);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary><c>POST /subscriptions/{id}/reauthorize</c>: delivery resumes; the expiry is unchanged. False when gone.</summary>
    public async Task<bool> ReauthorizeAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.Graph.Subscriptions[id].Reauthorize.PostAsync(cancellationToken: ct);
            return true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the subscription; one Graph no longer has counts as deleted.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        try
        {
            await client.Graph.Subscriptions[id].DeleteAsync(cancellationToken: ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
        }
    }
}
