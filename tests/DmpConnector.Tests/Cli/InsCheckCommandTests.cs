using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class InsCheckCommandTests
    {
        [Test]
        public async Task A_valid_INS_prints_VALID_and_exits_0()
        {
            var (code, stdout, stderr) = await RunAsync("ins", "check", "207058575627097");

            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.StartWith("VALID NIR"));
            Assert.That(stderr, Is.Empty);
        }

        [Test]
        public async Task An_invalid_INS_exits_1_with_the_reason_on_stderr()
        {
            var (code, stdout, stderr) = await RunAsync("ins", "check", "207058575627098");

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Does.StartWith("INVALID"));
            Assert.That(stderr, Does.Contain("INS-KEY"));
            Assert.That(stderr, Does.Not.Contain("at DmpConnector"), "no stack trace for a user mistake");
        }

        [Test]
        public async Task Json_output_has_the_documented_fields()
        {
            var (code, stdout, _) = await RunAsync("ins", "check", "207058575627097", "--json");

            Assert.That(code, Is.EqualTo(0));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            JsonElement root = doc.RootElement;
            Assert.Multiple(() =>
            {
                Assert.That(root.GetProperty("valid").GetBoolean(), Is.True);
                Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("NIR"));
                Assert.That(root.GetProperty("oid").GetString(), Is.EqualTo("1.2.250.1.213.1.4.8"));
                Assert.That(root.GetProperty("value").GetString(), Is.EqualTo("207058575627097"));
                Assert.That(root.GetProperty("key").GetString(), Is.EqualTo("97"));
                Assert.That(root.GetProperty("sex").GetString(), Is.EqualTo("F"));
                Assert.That(root.GetProperty("birthYear").GetString(), Is.EqualTo("07"));
                Assert.That(root.GetProperty("birthMonth").GetInt32(), Is.EqualTo(5));
                Assert.That(root.GetProperty("birthPlace").GetString(), Is.EqualTo("85756"));
                Assert.That(root.TryGetProperty("reason", out _), Is.False, "reason only when invalid");
            });
        }

        [Test]
        public async Task Json_output_of_an_invalid_INS_has_a_reason()
        {
            var (code, stdout, _) = await RunAsync("ins", "check", "12345", "--json");

            Assert.That(code, Is.EqualTo(1));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.That(doc.RootElement.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(doc.RootElement.GetProperty("reason").GetString(), Does.Contain("15 characters"));
            Assert.That(doc.RootElement.GetProperty("rule").GetString(), Is.EqualTo("INS-LENGTH"));
        }

        [TestCase("2070585756270", "97")]
        [TestCase("2070585756270 97")]
        public async Task Number_and_key_may_be_given_apart(params string[] value)
        {
            var (code, _, _) = await RunAsync(["ins", "check", .. value]);

            Assert.That(code, Is.EqualTo(0));
        }

        [Test]
        public async Task A_CX_gives_the_kind_from_its_OID()
        {
            var (code, stdout, _) = await RunAsync("ins", "check", "207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH", "--json");

            Assert.That(code, Is.EqualTo(0));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.That(doc.RootElement.GetProperty("kind").GetString(), Is.EqualTo("NIR_TEST"));
        }

        [Test]
        public async Task The_kind_option_sets_the_OID()
        {
            var (_, stdout, _) = await RunAsync("ins", "check", "109076322088835", "--kind", "nia", "--json");

            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.That(doc.RootElement.GetProperty("kind").GetString(), Is.EqualTo("NIA"));
            Assert.That(doc.RootElement.GetProperty("oid").GetString(), Is.EqualTo("1.2.250.1.213.1.4.9"));
        }

        [TestCase("ins", "check")]
        [TestCase("ins", "check", "1", "2", "3")]
        [TestCase("ins", "frobnicate")]
        [TestCase("ins", "check", "207058575627097", "--kind", "ssn")]
        [TestCase("nosuchcommand")]
        public async Task Usage_errors_exit_2(params string[] args)
        {
            var (code, _, stderr) = await RunAsync(args);

            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--help"));
        }

        [Test]
        public async Task Help_is_available_everywhere()
        {
            foreach (string[] args in new[] { new[] { "--help" }, new[] { "ins", "--help" }, new[] { "ins", "check", "--help" } })
            {
                var (code, stdout, _) = await RunAsync(args);
                Assert.That(code, Is.EqualTo(0), string.Join(" ", args));
                Assert.That(stdout, Does.Contain("Usage:"), string.Join(" ", args));
            }
        }

        internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            int code = await DmpCli.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }
    }
}
