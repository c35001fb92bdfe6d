using System.Text.Json.Nodes;

namespace ContactSync.GraphSandbox.Model;

/// <summary>One user's contacts store. Every change takes the next sequence number, which delta tokens point at.</summary>
public sealed class Mailbox(DirectoryUser user, ContactFolder defaultFolder)
{
    public DirectoryUser User { get; } = user;
    public ContactFolder DefaultFolder { get; } = defaultFolder;
    public Dictionary<string, ContactFolder> Folders { get; } = new(StringComparer.Ordinal) { [defaultFolder.Id] = defaultFolder };
    public Dictionary<string, StoredContact> Contacts { get; } = new(StringComparer.Ordinal);
    public List<Tombstone> Tombstones { get; } = [];
    public long Sequence { get; set; }

    public long NextSequence() => ++Sequence;
}

public sealed record ContactFolder(string Id, string DisplayName, string? ParentFolderId);

/// <summary>A contact as stored: the writable properties as JSON plus the server-kept metadata.</summary>
public sealed class StoredContact
{
    public required string Id { get; init; }
    public required string FolderId { get; set; }
    public JsonObject Fields { get; set; } = [];
    /// <summary>Single-value extended properties by id (ids compare case-insensitively, as MAPI names do).</summary>
    public Dictionary<string, string> Extended { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string ChangeKey { get; set; } = "";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }
    public long Sequence { get; set; }
    public string ETag => $"W/\"{ChangeKey}\"";
}

/// <summary>A deletion remembered so later delta rounds can report it as <c>@removed</c>.</summary>
public sealed record Tombstone(string ContactId, string FolderId, long Sequence);
