using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>A user edit in Outlook and a hub edit of the same field: a manual conflict, shown, resolved, synced again.</summary>
public sealed partial class DemoScript
{
    private const string Target = "jurgen";
    private const string Contact = "hub-1";

    private async Task ConflictAsync()
    {
        Step($"9. The same field edited on both sides: {Contact} on target {Target}");
        var pairs = await http.GetAsync($"{T}/targets/{Target}/contacts") as JsonArray ?? [];
        var remoteId = pairs.FirstOrDefault(p => p?["hubId"]?.GetValue<string>() == Contact)?["remoteId"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{Contact} is not linked to a contact in {Target}'s mailbox");
        await SandboxAsync(HttpMethod.Patch, $"mailboxes/{Upn(Target)}/contacts/{remoteId}", new JsonObject { ["jobTitle"] = "Geschäftsführer" });
        Console.WriteLine($"   as the user in Outlook (PATCH /_sandbox/mailboxes/{Upn(Target)}/contacts/…): jobTitle = \"Geschäftsführer\"");
        var (hub, etag) = await http.GetWithETagAsync($"{T}/contacts/{Contact}");
        var body = (JsonObject)hub!.DeepClone();
        foreach (var readOnly in new[] { "id", "version", "modified", "warnings" }) body.Remove(readOnly);
        body["jobTitle"] = "Prokurist";
        await http.PutAsync($"{T}/contacts/{Contact}", body, etag);
        Console.WriteLine($"   in the hub (PUT .../contacts/{Contact}, If-Match {etag}), jobTitle = \"Prokurist\"");

        await SyncNowAsync(Target);
        var conflicts = await http.GetAsync($"{T}/targets/{Target}/conflicts") as JsonArray ?? [];
        if (conflicts.Count == 0) throw new InvalidOperationException("the sync listed no conflict");
        foreach (var c in conflicts)
            foreach (var f in c?["fields"] as JsonArray ?? [])
                Console.WriteLine($"   conflict {c?["conflictId"]}: field {f?["field"]}: base \"{f?["base"]}\", hub \"{f?["hub"]}\", remote \"{f?["remote"]}\"");

        var conflictId = conflicts[0]!["conflictId"]!.GetValue<string>();
        await http.PostAsync($"{T}/targets/{Target}/conflicts/{conflictId}/resolve", new { fields = new { jobTitle = "remote" } });
        Console.WriteLine($"   POST .../conflicts/{conflictId}/resolve {{\"fields\":{{\"jobTitle\":\"remote\"}}}} → 200; open conflicts now: " +
            $"{(await http.GetAsync($"{T}/targets/{Target}/conflicts") as JsonArray ?? []).Count}");

        await SyncNowAsync(Target);
        var hubTitle = (await http.GetAsync($"{T}/contacts/{Contact}"))?["jobTitle"]?.GetValue<string>();
        var mailbox = (await SandboxAsync(HttpMethod.Get, $"mailboxes/{Upn(Target)}/contacts"))?["value"] as JsonArray ?? [];
        var remote = mailbox.Single(c => c?["id"]?.GetValue<string>() == remoteId)!;
        var remoteTitle = remote["jobTitle"]?.GetValue<string>();
        Console.WriteLine($"   hub jobTitle \"{hubTitle}\", mailbox jobTitle \"{remoteTitle}\": {(hubTitle == remoteTitle ? "both sides agree" : "THEY DIFFER")}");
        if (hubTitle != remoteTitle) throw new InvalidOperationException("the hub and the mailbox differ after the resolution");
    }

    private async Task SyncNowAsync(string target, string section = "contacts")
    {
        var job = await http.PostAsync($"{T}/targets/{target}/sync?section={section}");
        var jobId = job?["jobId"]?.GetValue<string>() ?? throw new InvalidOperationException("sync now returned no jobId");
        var now = await FinishedJobAsync(jobId);
        Console.WriteLine($"   POST .../targets/{target}/sync → 202, job {jobId}: {now?["state"]} {now?["result"]?.ToJsonString()}");
    }

    /// <summary>The job polled until it finishes; a failed one stops the demo with its error.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode?> FinishedJobAsync(string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var now = await http.GetAsync($"{T}/jobs/{jobId}");
            var state = now?["state"]?.GetValue<string>();
            if (state == "failed") throw new InvalidOperationException($"job {jobId} failed: {now?.ToJsonString()}");
            if (state == "succeeded") return now;
            await Task.Delay(200);
        }
        throw new TimeoutException($"job {jobId} did not finish in 2 minutes");
    }
}
