namespace DmpConnector.Cli
{
    /// <summary>The exit codes of every dmp command, documented in docs/cli.md.</summary>
    internal static class ExitCodes
    {
        /// <summary>Success, or the value checked is valid.</summary>
        public const int Ok = 0;

        /// <summary>The value or message checked is invalid, or the operation failed for a reason given on stderr.</summary>
        public const int Invalid = 1;

        /// <summary>The command line itself is wrong (unknown command or option, missing argument).</summary>
        public const int Usage = 2;

        /// <summary>An unexpected internal error (a bug): the message is on stderr.</summary>
        public const int InternalError = 3;
    }
}
