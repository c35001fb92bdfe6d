using Microsoft.Extensions.Hosting;

namespace ContactSync.DevHost.Http;

/// <summary>The HTTP front end lives inside the dev host, which owns shutdown: no console lifetime of its own (that one
/// blocks SIGTERM until the web host is disposed, which here waits on the same signal).</summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
