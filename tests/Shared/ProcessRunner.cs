using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace DmpConnector.Tests.Support
{
    /// <summary>Runs a real process (the dmp tool, a sample) and captures its exit code and output.</summary>
    internal static class ProcessRunner
    {
        public static async Task<(int Code, string Stdout, string Stderr)> RunDotnetAsync(string dll, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}
