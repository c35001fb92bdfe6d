using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Targets;

/// <summary>What each kind of target needs: a mailbox has no <c>device</c>; a device has a <c>device</c> endpoint and
/// neither mailboxUser nor contactFolder (a device has one address book). Field names are the API's JSON paths.</summary>
internal static class TargetKindRules
{
    public static void Check(ValidationErrors errors, Target target)
    {
        if (target.Kind == TargetKind.Mailbox)
        {
            if (target.Device is not null) errors.Add("device", "device applies only to targets of kind device.");
            return;
        }
        if (target.MailboxUser is not null) errors.Add("mailboxUser", "mailboxUser applies only to mailbox targets, not to a device.");
        if (target.ContactFolder is not null) errors.Add("contactFolder", "contactFolder applies only to mailbox targets, not to a device.");
        if (target.Device is not { } d) { errors.Add("device", "device is required for a target of kind device: { protocol, url, credentialReference }."); return; }
        if (!Enum.IsDefined(d.Protocol)) errors.Add("device.protocol", "device.protocol must be api or cardDav.");
        if (!(Uri.TryCreate(d.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            errors.Add("device.url", $"'{d.Url}' is not an absolute http(s) URL.");
        if (d.CredentialReference is null)
        {
            if (d.Protocol == DeviceProtocol.Api)
                errors.Add("device.credentialReference", "device.credentialReference is required for the device API: an app setting name or a Key Vault secret URI holding the bearer token.");
        }
        else if (!TenantValidator.IsSecretReference(d.CredentialReference))
            errors.Add("device.credentialReference", "device.credentialReference must be a Key Vault secret URI (https://{vault}.vault.azure.net/secrets/{name}) or an app setting name, never the secret itself.");
        if (d.UserName is { Length: > 256 }) errors.Add("device.userName", "device.userName is longer than 256 characters.");
        if (d.Name is { Length: > 256 }) errors.Add("device.name", "device.name is longer than 256 characters.");
    }

    /// <summary>Blank optional strings become null; the URL and names are trimmed.</summary>
    public static DeviceEndpoint? Normalise(DeviceEndpoint? d) => d is null ? null : d with
    {
        Url = (d.Url ?? "").Trim(),
        CredentialReference = Blank(d.CredentialReference),
        UserName = Blank(d.UserName),
        Name = Blank(d.Name),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
