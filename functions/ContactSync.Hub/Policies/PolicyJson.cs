using ContactSync.Engine.Normalisation;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Policies;

/// <summary>The policy's JSON (camelCase, ISSUE5.md): parsed with per-field errors, unknown settings and enum values
/// refused; written back in the same shape, so a parsed policy serialises to what it means.</summary>
public static class PolicyJson
{
    /// <summary>Parses the body of <c>PUT …/policies/{id}</c>. An <c>id</c> in the body must match; <c>updatedAt</c>
    /// is read-only and ignored.</summary>
    public static Outcome<Policy> Parse(string policyId, string json) => JsonBody.Parse(json, root =>
    {
        JsonBody.CheckId(root, policyId);
        root.String("updatedAt");
        return new Policy(policyId, Section(root, PolicySections.BusinessContacts, ReadBusiness),
            Section(root, PolicySections.Contacts, ReadContacts)) { Backup = Section(root, Backups.BackupSection.Name, Backups.BackupSection.Read) };
    });

    private static T? Section<T>(JsonSectionReader parent, string name, Func<JsonSectionReader, T> read) where T : class
    {
        if (parent.Object(name) is not { } reader) return null;
        var section = read(reader);
        reader.RejectUnknown();
        return section;
    }

    private static BusinessContactsSection ReadBusiness(JsonSectionReader r)
    {
        var interval = r.Interval();
        return new(interval, r.TimeOfDay(interval), r.Enum<BaseType>("baseType", BaseType.OwnGroups),
            CheckedIds(r, "additionalGroups"), r.Folder());
    }

    private static ContactsSection ReadContacts(JsonSectionReader r)
    {
        var interval = r.Interval();
        var time = r.TimeOfDay(interval);
        var direction = r.Enum<SyncDirection>("direction", SyncDirection.TwoWay);
        var importAll = r.Bool("importAll", false);
        var categories = r.Strings("categories").Select(TextForm.Line).Where(c => c.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var branch = ClassificationPath.Normalise(r.String("classificationBranch"));
        var conflict = r.Enum<ConflictPolicy>("conflictPolicy", ConflictPolicy.Manual);
        var delete = r.Enum<DeleteMode>("deleteMode", DeleteMode.Propagate);
        var folder = r.Folder();
        var share = r.Number("massDeleteShare", 0.3);
        if (share is <= 0 or > 1 || double.IsNaN(share))
            r.Errors.Add(r.Field("massDeleteShare"), $"{r.Field("massDeleteShare")}: {share} must be more than 0 and at most 1 (a share of the target's contacts).");
        return new(interval, time, direction, importAll, categories, branch.Length == 0 ? null : branch, conflict, delete, folder, share);
    }

    private static IReadOnlyList<string> CheckedIds(JsonSectionReader r, string name)
    {
        var ids = r.Strings(name);
        for (var i = 0; i < ids.Count; i++)
            if (!Ids.IsValid(ids[i])) Ids.Check(r.Errors, $"{r.Field(name)}[{i}]", ids[i]);
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
