using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DmpConnector.Cli.Commands;

namespace DmpConnector.Cli
{
    /// <summary>Builds the dmp command tree and runs it with the given output streams (so tests can run it in-process).</summary>
    internal static class DmpCli
    {
        /// <summary>The environment variable that makes unexpected errors print their stack trace.</summary>
        public const string DebugVariable = "DMP_CLI_DEBUG";

        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        {
            var console = new CliConsole(output, error);
            RootCommand root = BuildRoot(console);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var parseError in parse.Errors)
                {
                    await error.WriteLineAsync("dmp: " + parseError.Message).ConfigureAwait(false);
                }

                await error.WriteLineAsync("Run 'dmp --help' (or the command followed by --help) for usage.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            try
            {
                var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
                return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("dmp: cancelled.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug, not a user mistake: say so plainly, and give the stack trace only on request.
                await error.WriteLineAsync($"dmp: unexpected error ({ex.GetType().Name}): {ex.Message}").ConfigureAwait(false);
                if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
                {
                    await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
                }
                else
                {
                    await error.WriteLineAsync($"Set {DebugVariable}=1 for details, and report it with the command you ran.").ConfigureAwait(false);
                }

                return ExitCodes.InternalError;
            }
        }

        private static RootCommand BuildRoot(CliConsole console)
        {
            var root = new RootCommand(
                "dmp: the DmpConnector tool for support engineers and scripts. Check identifiers, inspect DMP messages.\n" +
                "Exit codes: 0 valid/success, 1 invalid/failed (reason on stderr), 2 usage error, 3 internal error.");
            root.Add(InsCommands.Create(console));
            root.Add(VihfCommands.Create(console));
            root.Add(MtomCommands.Create(console));
            root.Add(TokenCommands.Create(console));
            root.Add(XdsCommands.Create(console));
            root.Add(CdaCommands.Create(console));
            return root;
        }
    }
}
