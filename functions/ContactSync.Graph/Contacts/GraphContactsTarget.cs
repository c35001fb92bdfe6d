namespace ContactSync.Graph.Contacts;

/// <summary>Which contacts of which mailbox a <see cref="GraphContactStore"/> serves: the folder with this display name
/// (created when missing), or the default Contacts folder (the one Outlook mobile shows) when
/// <see cref="FolderName"/> is null.</summary>
public sealed record GraphContactsTarget(string Mailbox, string? FolderName = null)
{
    public bool ReadOnly { get; init; }
    /// <summary>Delta page size, sent as <c>Prefer: odata.maxpagesize</c>.</summary>
    public int PageSize { get; init; } = 200;
}
