using System.Collections.Concurrent;
using System.Text.Json;
using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Tests;

/// <summary>The timer drives Scheduler; its queue output array becomes one message per element.</summary>
public class SchedulerTests
{
    [Fact]
    public async Task The_timer_invokes_Scheduler_and_its_output_array_becomes_that_many_messages()
    {
        var queue = TestEnvironment.UniqueName("s") + "-jobs";
        var table = TestEnvironment.UniqueName("s") + "jobs";
        var log = new ConcurrentQueue<string>();
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = queue, ["Jobs__Table"] = table, ["ContactSync__AdminKey"] = "k",
            ["SCHEDULER_SCHEDULE"] = "* * * * * *", ["Scheduler__HeartbeatJobs"] = "3",
        }, log.Enqueue) with { Functions = new HashSet<string> { "Scheduler" } };

        IReadOnlyList<DevHost.InvocationRecord> ticks;
        await using (var host = await DevHost.DevHost.StartAsync(options))
        {
            await TestEnvironment.EventuallyAsync(() => Task.FromResult(host.Invocations.FirstOrDefault(i => i.Succeeded)),
                TimeSpan.FromSeconds(20), "a Scheduler tick");
            await host.DisposeAsync(); // stops the timer, so the count below is final, and kills the handler
            ticks = host.Invocations.Where(i => i.Function == "Scheduler").ToList();
            using var probe = new HttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"http://127.0.0.1:{host.HandlerPort}/"));
        }

        Assert.All(ticks, t => Assert.True(t.Succeeded));
        var timer = JsonDocument.Parse(ticks[0].Data).RootElement.GetProperty("timer");
        Assert.False(timer.GetProperty("IsPastDue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, timer.GetProperty("ScheduleStatus").ValueKind); // every second: not monitored

        var queues = TestEnvironment.Storage.CreateQueueStore();
        var tables = TestEnvironment.Storage.CreateTableStore();
        var messages = new List<Storage.QueueMessage>();
        for (IReadOnlyList<Storage.QueueMessage> page; (page = await queues.GetAsync(queue, 32, TimeSpan.FromMinutes(1))).Count > 0;)
            messages.AddRange(page);
        // The hub's due index is shared by every test on this Azurite: a tick also claims sections other tests left due
        // now, as sync or backup jobs beside the heartbeats; each is a message with its queued row all the same.
        var jobs = messages.Select(m => JsonSerializer.Deserialize<JobMessage>(m.Text, HandlerJson.Options)!).ToList(); // JSON objects, not bare strings
        Assert.Equal(3 * ticks.Count, jobs.Count(j => j.Kind == JobKinds.Heartbeat));
        foreach (var job in jobs)
        {
            Assert.Contains(job.Kind, new[] { JobKinds.Heartbeat, JobKinds.Sync, JobKinds.Backup });
            var row = await tables.GetAsync(table, job.TenantId, job.JobId);
            Assert.Equal(nameof(JobState.Queued), row?.GetString("State"));
        }
        Assert.Equal(messages.Count, messages.Select(m => m.Text).Distinct().Count());
    }
}
