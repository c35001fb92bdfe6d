using System.Diagnostics;
using ContactSync.Devices.CardDav;
using ContactSync.Devices.VCard;
using ContactSync.Engine.Items;

namespace ContactSync.Bench;

/// <summary>
/// Debian's vdirsyncer syncing a filesystem storage (the same cards as .vcf files, written before the clock starts)
/// into an empty collection: <c>discover</c> + <c>sync</c> timed, then the changed files rewritten and <c>sync</c>
/// timed again. vdirsyncer runs its actions one after another (one PUT in flight) and keeps its status in files.
/// </summary>
static class VdirsyncerRun
{
    public static async Task<(double Initial, double Incremental)> RunAsync(
        string work, string collection, string user, List<FieldMap> contacts, List<int> changed, Func<FieldMap, FieldMap> edit)
    {
        var vcf = Directory.CreateDirectory(Path.Combine(work, "vcf")).FullName;
        string FileOf(int i) => Path.Combine(vcf, $"card{i:00000}.vcf");
        for (var i = 0; i < contacts.Count; i++) await File.WriteAllTextAsync(FileOf(i), VCardWriter.Write(contacts[i], $"card{i:00000}"));
        // vdirsyncer (collections = null) syncs into an existing collection: create it as an empty address book.
        using (var http = new HttpClient()) await new CardDavStore(http, new CardDavTarget(collection, user, "x")).ListChangesAsync(null);
        var config = Path.Combine(work, "vdirsyncer.conf");
        await File.WriteAllTextAsync(config, $"""
            [general]
            status_path = "{Path.Combine(work, "status")}/"

            [pair bench]
            a = "local"
            b = "radicale"
            collections = null
            conflict_resolution = "a wins"

            [storage local]
            type = "filesystem"
            path = "{vcf}/"
            fileext = ".vcf"

            [storage radicale]
            type = "carddav"
            url = "{collection}"
            username = "{user}"
            password = "x"
            """);
        var discover = await TimedAsync("vdirsyncer", "-c", config, "discover");
        var initial = discover + await TimedAsync("vdirsyncer", "-c", config, "sync");
        Console.WriteLine($"vdirsyncer: discover {discover:0.00} s of the initial sync (a process start each: discover, sync, sync)");
        foreach (var i in changed) await File.WriteAllTextAsync(FileOf(i), VCardWriter.Write(edit(contacts[i]), $"card{i:00000}"));
        var incremental = await TimedAsync("vdirsyncer", "-c", config, "sync");
        await CheckAsync(collection, user, contacts.Count, changed.Count);
        return (initial, incremental);
    }

    /// <summary>Their result is checked like ours: every card arrived, and the changed ones carry the change.</summary>
    static async Task CheckAsync(string collection, string user, int count, int changedCount)
    {
        using var http = new HttpClient();
        var store = new CardDavStore(http, new CardDavTarget(collection, user, "x"));
        var listed = await store.ListChangesAsync(null);
        if (listed.Changed.Count != count) throw new InvalidOperationException($"vdirsyncer left {listed.Changed.Count} cards, not {count}");
        var items = await store.GetManyAsync([.. listed.Changed.Select(v => v.Id)]);
        var edited = items.Count(i => i.Item[ContactFields.JobTitle] == "Changed");
        if (edited != changedCount) throw new InvalidOperationException($"vdirsyncer delivered {edited} changed cards, not {changedCount}");
    }

    public static string Version()
    {
        using var p = Start("vdirsyncer", "--version");
        var text = (p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd()).Trim();
        p.WaitForExit();
        return text.Split('\n')[0];
    }

    static async Task<double> TimedAsync(string command, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var p = Start(command, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited {p.ExitCode}: {await errors}{await output}");
        return clock.Elapsed.TotalSeconds;
    }

    static Process Start(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {command}");
        p.StandardInput.Close();
        return p;
    }
}
