namespace ContactSync.Hub.Targets;

public enum TargetKind { Mailbox, Device }

/// <summary>Where a tenant's items are synced (M1): one user's mailbox, or a device (<see cref="Device"/>, M22). <see cref="OwnerEmail"/> is required (M18) and
/// decides the owner's groups; <see cref="MailboxUser"/> (a UPN or object id) defaults to it. <see cref="GroupIds"/>
/// are groups the owner belongs to besides those that list the owner's e-mail among their members.</summary>
public sealed record Target(
    string Id, TargetKind Kind, string? OwnerEmail, string? MailboxUser, string PolicyId, IReadOnlyList<string> GroupIds,
    string? ContactFolder = null)
{
    /// <summary>The mailbox Graph is called for: <see cref="MailboxUser"/>, else the owner's e-mail; null for a device.</summary>
    public string? Mailbox => Kind == TargetKind.Mailbox ? MailboxUser ?? OwnerEmail : null;

    /// <summary>The device's endpoint (kind device only; null for a mailbox).</summary>
    public DeviceEndpoint? Device { get; init; }

    /// <summary>When the target got its current policy (set by the store): a policy applied to a target counts as
    /// applied then, so an <c>off</c> section runs once and a daily schedule starts the next day.</summary>
    public DateTimeOffset? PolicyAssignedAt { get; init; }
}
