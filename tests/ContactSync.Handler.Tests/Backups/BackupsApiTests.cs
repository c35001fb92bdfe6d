using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Engine.Sync;
using ContactSync.Handler.Tests.EndToEnd;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>Backups of a sandbox mailbox through the HTTP API: take, list, diff, export, restore after loss.</summary>
public sealed class BackupsApiTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy Import(string id) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.Import, false, [], null, ConflictPolicy.Manual, DeleteMode.UnlinkOnly, null));

    private static string[] Names(IReadOnlyList<JsonObject> contacts) =>
        [.. contacts.Select(c => $"{c["givenName"]} {c["surname"]} {c["jobTitle"]}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_backup_taken_now_is_listed_diffed_exported_and_restored_after_the_mailbox_lost_its_contacts()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, Import("keep") with { Backup = new BackupSection(Interval.Daily, new TimeOnly(3, 0), KeepLast: 2) });
        var upn = await f.MailboxTargetAsync(t, "ola", "keep");
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Zoë", ["surname"] = "Łukasiewicz", ["jobTitle"] = "CEO" });
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Jürgen", ["surname"] = "Müller" });
        var expected = Names(f.Sandbox.Contacts(upn));
        var path = $"api/tenants/{t}/targets/ola/backups";

        using var taken = await f.Http.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var first = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var firstId = first.GetProperty("snapshotId").GetString()!;
        Assert.Equal(2, first.GetProperty("itemCount").GetInt32());
        Assert.Equal("onDemand", first.GetProperty("trigger").GetString());
        Assert.EndsWith($"/backups/{firstId}", taken.Headers.Location!.ToString(), StringComparison.Ordinal);

        // The mailbox loses everything; a second backup shows it, the diff names both as removed.
        foreach (var c in f.Sandbox.Contacts(upn)) f.Sandbox.OutlookDelete(upn, c["id"]!.GetValue<string>());
        using var second = await f.Http.PostAsync(path, null);
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshotId").GetString()!;
        var list = await f.GetAsync(path);
        Assert.Equal([secondId, firstId], list.EnumerateArray().Select(s => s.GetProperty("snapshotId").GetString()));
        var diff = await f.GetAsync($"{path}/{firstId}/diff/{secondId}");
        Assert.Equal(2, diff.GetProperty("removed").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("added").GetArrayLength());

        var csv = Encoding.UTF8.GetString(await f.Http.GetByteArrayAsync($"{path}/{firstId}/export?format=csv"));
        Assert.StartsWith("\uFEFFTitle,First Name,Middle Name,Last Name", csv, StringComparison.Ordinal); // the import layout
        Assert.Contains("Łukasiewicz", csv, StringComparison.Ordinal);
        var vcf = await f.Http.GetByteArrayAsync($"{path}/{firstId}/export?format=vcf");
        Assert.Equal(["Jürgen Müller", "Zoë Łukasiewicz"], (await VobjectNamesAsync(vcf)).Order(StringComparer.Ordinal)); // a parser we did not write

        // A restore is a job: 202, its URL polled; the run is recorded on the target with what it wrote.
        using var restore = await f.Http.PostAsJsonAsync($"{path}/{firstId}/restore", new { mode = "exact" });
        var job = await TestEnvironment.FinishedJobAsync(f.Http, restore);
        Assert.StartsWith($"succeeded: backup {firstId} of ola restored to ola (exact)", job.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal(expected, Names(f.Sandbox.Contacts(upn)));
        var run = (await f.GetAsync($"api/tenants/{t}/targets/ola/runs"))[0];
        Assert.Equal(("restore", "succeeded"), (run.GetProperty("section").GetString(), run.GetProperty("result").GetString()));
        Assert.Equal(2, run.GetProperty("counts").GetProperty("CreateRemote").GetInt32());

        using var bad = await f.Http.PostAsJsonAsync($"{path}/{firstId}/restore", new { mode = "merge" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var nowhere = await f.Http.PostAsJsonAsync($"{path}/{firstId}/restore", new { mode = "exact", toTarget = "nobody" });
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        using var noBackup = await f.Http.PostAsJsonAsync($"{path}/nope/restore", new { mode = "exact" });
        Assert.Equal(HttpStatusCode.NotFound, noBackup.StatusCode);
        using var missing = await f.Http.GetAsync($"{path}/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The policy keeps two: a third backup drops the oldest.
        using var third = await f.Http.PostAsync(path, null);
        var thirdId = (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshotId").GetString()!;
        Assert.Equal([thirdId, secondId], (await f.GetAsync(path)).EnumerateArray().Select(s => s.GetProperty("snapshotId").GetString()));
    }

    /// <summary>The formatted names Debian's python3-vobject reads from a vCard file.</summary>
    private static async Task<string[]> VobjectNamesAsync(byte[] vcf)
    {
        const string script = "import sys, vobject\nfor c in vobject.readComponents(sys.stdin.buffer.read().decode('utf-8')):\n    print(c.fn.value)";
        var info = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var p = System.Diagnostics.Process.Start(info)!;
        await p.StandardInput.BaseStream.WriteAsync(vcf);
        p.StandardInput.Close();
        var output = await p.StandardOutput.ReadToEndAsync();
        var errors = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
