using System;
using System.IO;

namespace DmpConnector.Tests.Support
{
    /// <summary>Paths inside the repository, found from the test assembly's location.</summary>
    internal static class RepoPaths
    {
        private static readonly Lazy<string> RootLazy = new(() =>
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "DmpConnector.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("DmpConnector.sln not found above " + AppContext.BaseDirectory);
        });

        public static string Root => RootLazy.Value;

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
