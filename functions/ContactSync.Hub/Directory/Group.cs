using ContactSync.Engine.Items;

namespace ContactSync.Hub.Directory;

public enum GroupSource { Csv, Entra, Manual }

/// <summary>A directory group (M6); an <see cref="GroupSource.Entra"/> group is filled from <see cref="EntraGroupId"/>.
/// <see cref="CsvFormat"/> is the layout of its last CSV import ("outlook" or "plain"), set by the import, so an
/// export writes the columns the members came with.</summary>
public sealed record Group(string Id, string DisplayName, GroupSource Source, string? EntraGroupId = null)
{
    public string? CsvFormat { get; init; }
}

/// <summary>A group member: a contact in canonical form (normalised with the tenant's region) under a stable id
/// (<see cref="MemberIds"/>).</summary>
public sealed record Member(string Id, FieldMap Contact)
{
    /// <summary>The first e-mail address, the one group membership of a target's owner is matched on.</summary>
    public string? Email => Contact.List(ContactFields.Emails).FirstOrDefault();
}
