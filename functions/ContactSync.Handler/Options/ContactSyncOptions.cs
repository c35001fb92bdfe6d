namespace ContactSync.Handler.Options;

/// <summary>Platform settings (<c>ContactSync__*</c>).</summary>
public sealed class ContactSyncOptions
{
    public const string Section = "ContactSync";

    /// <summary>The platform admin key: diagnostics now, tenant creation later. Sent as <c>X-Api-Key</c>.</summary>
    public string AdminKey { get; set; } = "";
}
