namespace ContactSync.Hub.Targets;

public enum DeviceProtocol { Api, CardDav }

/// <summary>How a device target is reached: the device contacts API (bearer token) or a CardDAV address book (basic
/// auth with <see cref="UserName"/>). <see cref="CredentialReference"/> is an app setting name or a Key Vault secret URI
/// holding the token or password, never the secret itself; required for the API, optional for CardDAV.</summary>
public sealed record DeviceEndpoint(DeviceProtocol Protocol, string Url, string? CredentialReference, string? UserName = null,
    string? Name = null);
