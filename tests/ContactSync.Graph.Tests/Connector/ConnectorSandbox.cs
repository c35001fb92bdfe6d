using ContactSync.Graph.Client;
using ContactSync.Graph.Configuration;
using ContactSync.Graph.Contacts;
using ContactSync.Graph.Throttling;
using ContactSync.GraphSandbox;
using SandboxUser = ContactSync.GraphSandbox.Model.DirectoryUser;

namespace ContactSync.Graph.Tests.Connector;

/// <summary>An in-process sandbox with one tenant and app, and the connector's tenant client pointed at it through the
/// sandbox credential: the same SDK pipeline, limiter and token path as against Graph.</summary>
public sealed class ConnectorSandbox : IAsyncDisposable
{
    public const string TenantId = "contoso";
    public const string AppId = "contactsync-app";

    ConnectorSandbox(SandboxServer server) => Server = server;

    public SandboxServer Server { get; }

    public GraphTenantSettings Settings => new()
    {
        TenantId = TenantId, ClientId = AppId, Credential = GraphCredentialKind.Sandbox, BaseUrl = Server.BaseUrl,
    };

    public static async Task<ConnectorSandbox> StartAsync(SandboxOptions? options = null)
    {
        var server = await SandboxServer.StartAsync(options);
        server.SeedTenant(TenantId, AppId);
        return new ConnectorSandbox(server);
    }

    /// <summary>A new user with a mailbox; returns its object id.</summary>
    public string NewMailbox(string? name = null)
    {
        name ??= "u" + Guid.NewGuid().ToString("N")[..8];
        return Server.SeedUser(TenantId, new SandboxUser { UserPrincipalName = $"{name}@contoso.example", Mail = $"{name}@contoso.example" }).Id;
    }

    /// <summary>The id of the mailbox's folder with this display name, straight from the sandbox's state.</summary>
    public string FolderId(string mailbox, string displayName)
    {
        lock (Server.State.Gate)
            return Server.State.FindMailbox(mailbox)!.Folders.Values.Single(f => f.DisplayName == displayName).Id;
    }

    public GraphTenantClient Client(MailboxLimits? limits = null, HttpMessageHandler? transport = null) =>
        GraphTenantClient.Create(Settings, limits, transport);

    public static GraphContactStore Store(GraphTenantClient client, string mailbox, string? folder = "ContactSync") =>
        new(client, new GraphContactsTarget(mailbox, folder));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
