using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>The Scheduler fired by hand, the workers left to drain the queue, then the status table and the sandbox counters.</summary>
public sealed partial class DemoScript
{
    private async Task RunSchedulerUntilIdleAsync(IReadOnlyList<string> targets, string title)
    {
        Step(title);
        var clock = Stopwatch.StartNew();
        await http.SendAsync(HttpMethod.Post, "admin/functions/Scheduler");
        var pending = targets.Count;
        while (true)
        {
            var waiting = new List<string>();
            foreach (var id in targets)
            {
                var sections = (await http.GetAsync($"{T}/targets/{id}/status"))?["sections"]?.AsObject() ?? [];
                waiting.AddRange(sections.Where(s => s.Value?["lastSync"] is null || s.Value?["runningJob"] is not null).Select(s => $"{id}/{s.Key}"));
            }
            if (waiting.Count != pending) Console.WriteLine($"   {clock.Elapsed.TotalSeconds,5:0.0} s: {targets.Count - waiting.Count} of {targets.Count} target sections synced");
            pending = waiting.Count;
            if (waiting.Count == 0) break;
            if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"still not synced after 3 minutes: {string.Join(", ", waiting)}");
            await Task.Delay(500);
        }
        Console.WriteLine($"   queue empty: every target section has run ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    private async Task PrintStatusAsync()
    {
        Step("7. GET .../targets/{id}/status for every target");
        var rows = new List<string[]> { new[] { "TARGET", "SECTION", "SYNC TYPE", "INTERVAL", "NEXT EXPECTED", "LAST SYNC", "RESULT", "CRE", "UPD", "DEL", "WARN", "ERR" } };
        foreach (var m in Mailboxes)
        {
            var status = await http.GetAsync($"{T}/targets/{m.Id}/status");
            foreach (var (name, s) in status?["sections"]?.AsObject() ?? [])
            {
                var counts = s?["counts"]?.AsObject() ?? [];
                rows.Add([m.Id, name, $"{s?["syncType"]}", $"{s?["interval"]}", Time(s?["nextExpectedSync"]), Time(s?["lastSync"]),
                    $"{s?["lastResult"]}", Sum(counts, "creat"), Sum(counts, "updat"), Sum(counts, "delet"), Sum(counts, "warn"), $"{s?["errors"]}"]);
            }
        }
        PrintTable(rows);
    }

    private async Task PrintCountersAsync()
    {
        Step("8. Sandbox counters per mailbox (GET /_sandbox/mailboxes/{u}/counters): the writes went out in $batch calls");
        var rows = new List<string[]> { new[] { "MAILBOX", "REQUESTS*", "$BATCH CALLS", "WRITES", "WRITES PER $BATCH", "THROTTLED (429)", "MAX IN FLIGHT" } };
        foreach (var m in Mailboxes)
        {
            var c = await SandboxAsync(HttpMethod.Get, $"mailboxes/{Upn(m.Id)}/counters");
            long N(string name) => c?[name]?.GetValue<long>() ?? 0;
            rows.Add([Upn(m.Id), $"{N("requests")}", $"{N("batches")}", $"{N("writes")}", N("batches") == 0 ? "-" : $"{(double)N("writes") / N("batches"):0.0}",
                $"{N("throttled")}", $"{N("maxConcurrency")}"]);
        }
        PrintTable(rows);
        Console.WriteLine("   * requests that reached the mailbox's throttling gate, each request inside a $batch counted on its own");
    }

    private static string Sum(JsonObject counts, string part) =>
        $"{counts.Where(c => c.Key.Contains(part, StringComparison.OrdinalIgnoreCase)).Sum(c => c.Value?.GetValue<int>() ?? 0)}";

    private static string Time(JsonNode? node) =>
        node is null ? "-" : DateTimeOffset.TryParse(node.GetValue<string>(), out var t) ? t.ToUniversalTime().ToString("HH:mm:ss") + "Z" : node.ToString();

    private static void PrintTable(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows) Console.WriteLine("   " + string.Join("  ", r.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
    }
}
