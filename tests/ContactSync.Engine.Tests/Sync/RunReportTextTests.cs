using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>The one-line summary a job's result and the run log carry.</summary>
public sealed class RunReportTextTests
{
    [Fact]
    public async Task A_run_with_nothing_to_do_says_so()
    {
        var h = new Harness();
        Assert.Equal("nothing to do", (await h.SyncAsync()).ToString()); // both sides empty
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        Assert.Equal("CreateRemote=1; errors=0", (await h.SyncAsync()).ToString());
        Assert.Equal("nothing to do", (await h.SyncAsync()).ToString()); // the second sync changes nothing
    }

    [Fact]
    public async Task A_run_where_every_action_failed_names_only_the_errors()
    {
        var h = new Harness();
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        h.Faults.Reset(failWriteAt: 1);
        var report = await h.SyncAsync();
        h.Faults.Reset();
        Assert.Single(report.Errors);
        Assert.Equal("errors=1", report.ToString());
        Assert.Equal("CreateRemote=1; errors=0", (await h.SyncAsync()).ToString());
    }
}
