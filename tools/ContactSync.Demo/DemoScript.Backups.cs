using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>Backups of a device (M23): one on demand, a change on the phone, a second one, the list, the diff between the
/// two, then the phone wiped, the first backup restored exactly and the phone synced again.</summary>
public sealed partial class DemoScript
{
    private async Task BackupsAsync()
    {
        Step($"13. Backups of {Phone} (POST .../targets/{Phone}/backups), a change on the phone in between");
        var before = await emulator.ContactsAsync(Phone);
        var first = await TakeBackupAsync(Phone);

        var edited = before.First(c => c.Marker is not null);
        var fields = (JsonObject)edited.Fields.DeepClone();
        fields["jobTitle"] = "Dyrektor handlowy";
        await emulator.EditAsync(Phone, edited.Id, fields);
        var added = new JsonObject { ["givenName"] = "Hydraulik", ["displayName"] = "Hydraulik", ["mobilePhones"] = new JsonArray("+48600700800") };
        await emulator.AddAsync(Phone, added);
        var removed = before.Single(c => c.Id == personalOnPhone[0]);
        await emulator.DeleteAsync(Phone, removed.Id);
        Console.WriteLine($"   on the phone (control API): {edited.Name}'s jobTitle → \"Dyrektor handlowy\", added \"Hydraulik\", deleted \"{removed.Name}\"");
        var second = await TakeBackupAsync(Phone);
        await TakeBackupAsync(Tablet); // a CardDAV address book is backed up the same way

        var list = await http.GetAsync($"{T}/targets/{Phone}/backups") as JsonArray ?? [];
        Console.WriteLine($"   GET .../targets/{Phone}/backups (newest first):");
        var rows = new List<string[]> { new[] { "ID", "TAKEN AT", "TRIGGER", "ITEMS" } };
        rows.AddRange(list.Select(b => new[] { $"{b?["snapshotId"]}", Time(b?["takenAt"]), $"{b?["trigger"]}", $"{b?["itemCount"]}" }));
        PrintTable(rows);

        var diff = await http.GetAsync($"{T}/targets/{Phone}/backups/{first}/diff/{second}");
        int N(string part) => (diff?[part] as JsonArray)?.Count ?? -1;
        Console.WriteLine($"   GET .../backups/{first}/diff/{second}: added {N("added")}, changed {N("changed")}, removed {N("removed")}");
        foreach (var a in diff?["added"] as JsonArray ?? []) Console.WriteLine($"      added   {a?["fields"]?["displayName"]} ({a?["key"]})");
        foreach (var c in diff?["changed"] as JsonArray ?? [])
            foreach (var f in c?["fields"] as JsonArray ?? [])
                Console.WriteLine($"      changed {before.FirstOrDefault(p => $"m:{p.Marker}" == $"{c?["key"]}")?.Name} ({c?["key"]}): {f?["field"]} \"{f?["from"]}\" → \"{f?["to"]}\"");
        foreach (var r in diff?["removed"] as JsonArray ?? []) Console.WriteLine($"      removed {r?["fields"]?["displayName"]} ({r?["key"]})");
        if ((N("added"), N("changed"), N("removed")) != (1, 1, 1))
            throw new InvalidOperationException($"the diff should list 1 added, 1 changed, 1 removed: {diff?.ToJsonString()}");

        await emulator.WipeAsync(Phone);
        Console.WriteLine($"   the phone is wiped (DELETE /_emulator/devices/{Phone}/contacts): {(await emulator.ContactsAsync(Phone)).Count} contacts on it");
        var restore = await http.PostAsync($"{T}/targets/{Phone}/backups/{first}/restore", new { mode = "exact" });
        var done = await FinishedJobAsync(restore?["jobId"]?.GetValue<string>() ?? throw new InvalidOperationException("restore returned no jobId"));
        Console.WriteLine($"   POST .../backups/{first}/restore {{\"mode\":\"exact\"}} → 202, job {done?["jobId"]}: {done?["result"]}");
        var after = await emulator.ContactsAsync(Phone);
        var same = Names(after).SequenceEqual(Names(before));
        Console.WriteLine($"   the phone holds {after.Count} contacts ({after.Count(c => c.Marker is not null)} managed), " +
            $"the first backup {before.Count}: {(same ? "the same names and companies as when it was taken" : "NOT THE SAME")}");
        if (!same) throw new InvalidOperationException($"after the restore the phone holds {after.Count} contacts, not the backup's {before.Count}");
        if (after.Count(c => c.Marker is null) != before.Count(c => c.Marker is null))
            throw new InvalidOperationException("the user's own contacts did not come back as the user's (unmarked)");

        // The restored copies link again and the user's own stay the user's: the next sync has nothing to change.
        await SyncNowAsync(Phone, "businessContacts");
        var synced = await emulator.ContactsAsync(Phone);
        Console.WriteLine($"   after the next businessContacts sync the phone holds {synced.Count} contacts " +
            $"({synced.Count(c => c.Marker is not null)} managed, {synced.Count(c => c.Marker is null)} the user's own)");
        if (!Names(synced).SequenceEqual(Names(before)))
            throw new InvalidOperationException($"the sync after the restore changed the phone: {synced.Count} contacts, not {before.Count}");
    }

    private async Task<string> TakeBackupAsync(string target)
    {
        var b = await http.PostAsync($"{T}/targets/{target}/backups");
        var id = b?["snapshotId"]?.GetValue<string>() ?? throw new InvalidOperationException($"POST .../targets/{target}/backups returned no snapshotId");
        Console.WriteLine($"   POST .../targets/{target}/backups → 201, backup {id}: {b?["itemCount"]} items, trigger {b?["trigger"]}");
        return id;
    }

    private static IEnumerable<string> Names(IEnumerable<PhoneContact> contacts) =>
        contacts.Select(c => $"{c.Name}|{c.Fields["companyName"]}").Order(StringComparer.Ordinal);
}
