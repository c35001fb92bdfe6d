using System.Net;
using ContactSync.Devices.Api;
using ContactSync.Devices.CardDav;
using ContactSync.Devices.Projection;
using ContactSync.Engine.Items;
using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Projection;
using ContactSync.Graph.Contacts;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Sync;

/// <summary>The contacts store of one target and how hub items are projected onto it. <see cref="TwoWayAllowed"/> is
/// false for a device that cannot take part in a two-way sync (its capabilities say so): contacts run as an export.</summary>
public sealed record TargetSide(Target Target, IItemStore Store, IProjection Projection, bool TwoWayAllowed);

/// <summary>Opens a target's contacts: a mailbox's folder through Graph (Exchange projection with the tenant's phone
/// region), a device through the device contacts API (its capabilities read once per open) or CardDAV (the collection
/// probed once, so a refused password fails here with a clear message). The device's token or password is read from
/// configuration under the target's credential reference, like the tenants' Graph secrets; never logged.</summary>
public sealed class TargetEndpoints(GraphClients graph, IConfiguration config, IHttpClientFactory http)
{
    /// <summary>The named HttpClients device requests go through: the device API's (pooled), CardDAV's (no pooled
    /// connection is reused: servers answering HTTP/1.0, as Radicale does, close after each answer; see DavClient).</summary>
    public const string HttpClientName = "devices", CardDavHttpClientName = "devices-carddav";

    /// <summary><paramref name="folder"/>: the section's contact folder (mailboxes only; the target's own folder wins).
    /// Throws <see cref="JobFailedException"/> when the target cannot be reached as configured (no e-mail, no credential
    /// setting, a device answering 401).</summary>
    public async Task<TargetSide> OpenAsync(Tenant tenant, Target target, string? folder, CancellationToken ct)
    {
        if (target.Kind == TargetKind.Mailbox) return OpenMailbox(tenant, target, folder);
        var normaliser = new ContactNormaliser(tenant.DefaultRegion);
        var device = target.Device ?? throw new JobFailedException($"Target '{target.Id}' is a device without a device endpoint.");
        return device.Protocol == DeviceProtocol.Api
            ? await OpenApiAsync(target, device, normaliser, ct)
            : await OpenCardDavAsync(target, device, normaliser, ct);
    }

    /// <summary>A mailbox target's folder: opening it calls nothing (Graph is called when the store is used).</summary>
    private TargetSide OpenMailbox(Tenant tenant, Target target, string? folder)
    {
        if (target.Kind != TargetKind.Mailbox) throw new JobFailedException($"Target '{target.Id}' is a device, not a mailbox.");
        var mailbox = target.Mailbox ?? throw new JobFailedException(TargetStore.OwnerEmailRequired);
        var store = new GraphContactStore(graph.For(tenant), new GraphContactsTarget(mailbox, target.ContactFolder ?? folder));
        return new TargetSide(target, store, new ExchangeContactProjection(new ContactNormaliser(tenant.DefaultRegion)), true);
    }

    private async Task<TargetSide> OpenApiAsync(Target target, DeviceEndpoint device, ContactNormaliser normaliser, CancellationToken ct)
    {
        var token = Credential(target, device)
            ?? throw new JobFailedException($"Device target '{target.Id}' has no device.credentialReference: the device API needs a bearer token.");
        var probe = new DeviceApiStore(http.CreateClient(HttpClientName), new DeviceApiTarget(device.Url, token));
        DeviceCapabilities caps;
        try { caps = await probe.GetCapabilitiesAsync(ct); }
        catch (DeviceApiException e) when (e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw Refused(target, device, (int)e.Status);
        }
        var store = new DeviceApiStore(http.CreateClient(HttpClientName), new DeviceApiTarget(device.Url, token, caps.ReadOnly, caps.MaxBatch));
        return new TargetSide(target, store, new DeviceContactProjection(normaliser, DeviceLimits.Of(caps)), caps.TwoWay && !caps.ReadOnly);
    }

    private async Task<TargetSide> OpenCardDavAsync(Target target, DeviceEndpoint device, ContactNormaliser normaliser, CancellationToken ct)
    {
        var password = Credential(target, device);
        var book = new CardDavTarget(device.Url, device.UserName ?? (password is null ? null : ""), password);
        var client = http.CreateClient(CardDavHttpClientName);
        using (var probe = await new DavClient(client, book).PropfindAsync(DavXml.PropfindResourceType, "0", ct))
            if (probe.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) throw Refused(target, device, (int)probe.StatusCode);
        return new TargetSide(target, new CardDavStore(client, book), new DeviceContactProjection(normaliser, DeviceLimits.CardDav), true);
    }

    // The token or password under the reference's app setting (a Key Vault URI names the setting by its secret name).
    private string? Credential(Target target, DeviceEndpoint device)
    {
        if (device.CredentialReference is not { } reference) return null;
        var setting = GraphClients.SettingName(reference);
        var secret = config[setting];
        if (string.IsNullOrEmpty(secret))
            throw new JobFailedException($"The credential of device target '{target.Id}' is not configured: no app setting '{setting}'.");
        if (KeyVaultReference.IsUnresolved(secret))
            throw new JobFailedException($"The credential of device target '{target.Id}' is an unresolved Key Vault reference in app setting '{setting}': {KeyVaultReference.Hint}");
        return secret;
    }

    private static JobFailedException Refused(Target target, DeviceEndpoint device, int status) => new(device.CredentialReference is { } reference
        ? $"Device target '{target.Id}' ({device.Name ?? device.Url}) refused the credential from device.credentialReference '{reference}': {status} from the device."
        : $"Device target '{target.Id}' ({device.Name ?? device.Url}) requires a credential: {status} from the device; set device.credentialReference.");
}
