using System;
using System.Threading.Tasks;

namespace DmpConnector.Cli
{
    internal static class Program
    {
        private static Task<int> Main(string[] args) => DmpCli.RunAsync(args, Console.Out, Console.Error);
    }
}
