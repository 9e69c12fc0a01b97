using System.IO;
using System.Threading.Tasks;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.NetOnly
{
    /// <summary>The real executables: the dmp tool's entry point and every sample, as a user runs them.</summary>
    public class ProcessTests
    {
        private static string DmpDll => Path.Combine(Path.GetDirectoryName(typeof(DmpConnector.Cli.DmpCli).Assembly.Location)!, "dmp.dll");

        [Test]
        public async Task The_dmp_tool_reports_the_README_example_as_valid()
        {
            var (code, stdout, _) = await ProcessRunner.RunDotnetAsync(DmpDll, "ins", "check", "207058575627097");

            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.Contain("VALID"));
        }

        [Test]
        public async Task The_dmp_tool_exit_codes_are_0_1_2()
        {
            Assert.That((await ProcessRunner.RunDotnetAsync(DmpDll, "ins", "check", "207058575627098")).Code, Is.EqualTo(1));
            Assert.That((await ProcessRunner.RunDotnetAsync(DmpDll, "ins", "check")).Code, Is.EqualTo(2));
            Assert.That((await ProcessRunner.RunDotnetAsync(DmpDll, "--help")).Code, Is.EqualTo(0));
        }

        [TestCaseSource(nameof(Samples))]
        public async Task Every_sample_runs_to_success(string sample)
        {
            string dll = RepoPaths.Combine("samples", sample, "bin", "Debug", "net10.0", sample + ".dll");
            Assert.That(File.Exists(dll), Is.True, $"{dll} is built with the solution");

            var (code, stdout, stderr) = await ProcessRunner.RunDotnetAsync(dll);

            Assert.That(code, Is.EqualTo(0), stdout + stderr);
        }

        private static string[] Samples() =>
            System.Array.ConvertAll(Directory.GetDirectories(RepoPaths.Combine("samples")), d => Path.GetFileName(d)!);
    }
}
