using ContactSync.Engine.Items;

namespace ContactSync.Graph.Directory;

/// <summary>A directory user as a business contact: its Entra object id, its mail, and its contact fields.</summary>
public sealed record DirectoryUser(string Id, string? Mail, FieldMap Contact);
