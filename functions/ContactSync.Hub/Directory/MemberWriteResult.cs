namespace ContactSync.Hub.Directory;

/// <summary>What writing a set of members did, by member id. <see cref="Failed"/> holds the members of a batch the
/// service refused (none of that batch was written) with the service's message.</summary>
public sealed record MemberWriteResult(
    IReadOnlyList<string> Imported, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed, IReadOnlyDictionary<string, string> Failed);
