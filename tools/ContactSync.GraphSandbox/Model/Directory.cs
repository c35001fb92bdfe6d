namespace ContactSync.GraphSandbox.Model;

/// <summary>A tenant and the app ids allowed to call it (empty: any app id).</summary>
public sealed record Tenant(string Id, IReadOnlySet<string> AppIds);

/// <summary>A directory user with the contact fields Graph's user resource carries.</summary>
public sealed record DirectoryUser
{
    public string Id { get; init; } = "";
    public string TenantId { get; init; } = "";
    public string UserPrincipalName { get; init; } = "";
    public string? Mail { get; init; }
    public string? DisplayName { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? JobTitle { get; init; }
    public string? CompanyName { get; init; }
    public string? Department { get; init; }
    public IReadOnlyList<string> BusinessPhones { get; init; } = [];
    public string? MobilePhone { get; init; }
    public string? OfficeLocation { get; init; }
}

/// <summary>A directory group with its member user ids.</summary>
public sealed record DirectoryGroup
{
    public string Id { get; init; } = "";
    public string TenantId { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? Mail { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> MemberIds { get; init; } = [];
}
