using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;

namespace ContactSync.Hub.Tests.Backups;

/// <summary>Contacts on an in-memory target: some copies the hub made (they carry its marker), some the user's own.</summary>
public static class BackupSamples
{
    public static FieldMap Contact(string given, string surname, string email) => FieldMap.Empty
        .With(ContactFields.GivenName, given).With(ContactFields.Surname, surname)
        .With(ContactFields.DisplayName, $"{given} {surname}").WithList(ContactFields.Emails, [email]);

    /// <summary>A target holding three hub copies and two of the user's own contacts, names with diacritics.</summary>
    public static InMemoryItemStore Device(string name = "device")
    {
        var store = new InMemoryItemStore(name);
        store.UserCreate(Contact("Zoë", "Łukasiewicz", "zoe@example.com"), marker: "hub-1");
        store.UserCreate(Contact("Jürgen", "Müller", "jurgen@example.com"), marker: "hub-2");
        store.UserCreate(Contact("Ágnes", "Szőke", "agnes@example.com"), marker: "hub-3");
        store.UserCreate(Contact("Søren", "Kierkegård", "soren@example.com"));
        store.UserCreate(Contact("Ewa", "Żółkiewska", "ewa@example.com"));
        return store;
    }

    /// <summary>What a store holds, comparable across stores: (marker, fields) sorted.</summary>
    public static IReadOnlyList<string> Contents(InMemoryItemStore store) =>
        store.Items.Select(i => $"{i.Marker}|{i.Item}").Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> FieldsOnly(InMemoryItemStore store) =>
        store.Items.Select(i => i.Item.ToString()).Order(StringComparer.Ordinal).ToList();
}
