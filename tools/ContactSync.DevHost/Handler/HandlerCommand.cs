using ContactSync.DevHost.Config;

namespace ContactSync.DevHost.Handler;

/// <summary>How to start the handler process.</summary>
public sealed record HandlerCommand(string Executable, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>As the Functions host resolves customHandler.description: the executable relative to the script root
    /// if that file exists, else a command on the PATH; <c>%NAME%</c> in arguments replaced by app settings.</summary>
    public static HandlerCommand FromHostJson(CustomHandlerDescription d, string scriptRoot, AppSettings settings)
    {
        var exe = d.DefaultExecutablePath;
        if (!Path.IsPathRooted(exe) && File.Exists(Path.Combine(scriptRoot, exe))) exe = Path.GetFullPath(Path.Combine(scriptRoot, exe));
        var args = d.Arguments.Select(a => settings.Resolve(a, "host.json customHandler.description.arguments")).ToList();
        var cwd = d.WorkingDirectory is null ? scriptRoot : Path.GetFullPath(Path.Combine(scriptRoot, d.WorkingDirectory));
        return new HandlerCommand(exe, args, cwd);
    }
}
