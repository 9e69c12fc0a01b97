using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DmpConnector.Tests.Support
{
    /// <summary>
    /// Finds the official DMP reference material (example messages, WSDLs, CDA examples). It is published without a
    /// licence for reuse, so it is never copied into this repository: tests read it where it lies, and our own
    /// fixtures in tests/TestData reproduce what it teaches.
    /// </summary>
    /// <remarks>
    /// Looked up, in order: the <c>DMP_REFERENCE_DIR</c> environment variable, <c>../shared/reference</c> next to the
    /// repository, <c>/work/shared/reference</c>. When none exists, the official-material test cases are not generated
    /// (the count is printed by test.sh) rather than failing a vendor's clean clone.
    /// </remarks>
    internal static class ReferenceMaterial
    {
        public const string EnvironmentVariable = "DMP_REFERENCE_DIR";

        private static readonly Lazy<string?> RootLazy = new(() =>
        {
            var candidates = new List<string?>
            {
                Environment.GetEnvironmentVariable(EnvironmentVariable),
                Path.Combine(RepoPaths.Root, "..", "shared", "reference"),
                "/work/shared/reference",
            };
            return candidates
                .Where(c => !string.IsNullOrEmpty(c) && Directory.Exists(Path.Combine(c!, "dmp-messages")))
                .Select(c => Path.GetFullPath(c!))
                .FirstOrDefault();
        });

        /// <summary>The reference folder, or null when it is not available on this machine.</summary>
        public static string? Root => RootLazy.Value;

        public static bool IsAvailable => Root is not null;

        /// <summary>The full path of a reference file (relative to the reference folder), or null when unavailable.</summary>
        public static string? Find(string relativePath)
        {
            if (Root is null)
            {
                return null;
            }

            string path = Path.Combine(Root, relativePath);
            return File.Exists(path) ? path : throw new FileNotFoundException("The reference folder exists but lacks " + relativePath, path);
        }

        /// <summary>
        /// Test cases for NUnit's TestCaseSource: one per existing file, named after it; none when the material is absent.
        /// </summary>
        public static IEnumerable<NUnit.Framework.TestCaseData> Cases(params string[] relativePaths)
        {
            if (Root is null)
            {
                yield break;
            }

            foreach (string relative in relativePaths)
            {
                yield return new NUnit.Framework.TestCaseData(Find(relative)).SetArgDisplayNames(Path.GetFileName(relative));
            }
        }
    }
}
