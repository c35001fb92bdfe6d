using ContactSync.Devices.Api;

namespace ContactSync.Devices.Projection;

/// <summary>What one device holds: at most <see cref="MaxEmails"/> e-mails and <see cref="MaxPhones"/> phone numbers
/// over all its phone lists (null = no limit), only the top-level <see cref="Fields"/> (null = every contact field), and
/// whether a display name must be composed when the hub has none (CardDAV: FN is required).</summary>
public sealed record DeviceLimits(int? MaxEmails = null, int? MaxPhones = null, IReadOnlyCollection<string>? Fields = null,
    bool FillDisplayName = false)
{
    /// <summary>A device of the contacts API, as its <c>GET /capabilities</c> describes it.</summary>
    public static DeviceLimits Of(DeviceCapabilities c) => new(c.MaxEmails, c.MaxPhones, c.Fields);

    /// <summary>A CardDAV address book: holds every field; FN (the display name) must not be empty.</summary>
    public static readonly DeviceLimits CardDav = new(FillDisplayName: true);
}
