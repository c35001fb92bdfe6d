namespace ContactSync.Engine.InMemory;

/// <summary>
/// Test faults shared by the in-memory stores. Every step (a write applied, a status row about to be saved) counts; at
/// <see cref="CrashAtStep"/> the process "dies": <see cref="SimulatedCrashException"/> escapes the engine, as a killed worker
/// would, after the write has happened but before anyone heard of it. <see cref="FailWriteAt"/> makes the n-th write fail.
/// </summary>
public sealed class FaultInjector
{
    public int CrashAtStep { get; set; }
    public int FailWriteAt { get; set; }
    public int Steps { get; private set; }
    public int Writes { get; private set; }

    public void Step(string what)
    {
        if (++Steps == CrashAtStep) throw new SimulatedCrashException($"crash after step {Steps} ({what})");
    }

    public bool FailThisWrite() => ++Writes == FailWriteAt;

    /// <summary>Clears the counters and disarms both faults.</summary>
    public void Reset(int crashAtStep = 0, int failWriteAt = 0) => (Steps, Writes, CrashAtStep, FailWriteAt) = (0, 0, crashAtStep, failWriteAt);
}

/// <summary>Not an <see cref="Ports.ItemStoreException"/>: nothing in the engine may catch it.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
