using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using DmpConnector.Cli.Commands;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    /// <summary><c>dmp token list</c> against the real SoftHSM2 tokens (tests/Shared/SoftHsmToken.cs).</summary>
    public class TokenCommandTests
    {
        internal static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        [Test]
        public async Task List_prints_slots_tokens_and_both_certificates_with_CKA_ID_key_usage_and_validity()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;

            var (code, stdout, stderr) = await RunAsync("token", "list", "--module", hsm.ModulePath);

            Assert.That(code, Is.Zero, stderr);
            string block = stdout.Substring(stdout.IndexOf("Token \"" + SoftHsmToken.Label + "\"", StringComparison.Ordinal));
            block = block.Substring(0, block.IndexOf("Slot ", StringComparison.Ordinal) is var end and > 0 ? end : block.Length);
            Assert.Multiple(() =>
            {
                Assert.That(stdout, Does.StartWith("Module " + hsm.ModulePath));
                Assert.That(block, Does.Contain("serial " + hsm.SerialOf(SoftHsmToken.Label)));
                Assert.That(block, Does.Contain("Certificate CKA_ID 01 \"cps-auth\": authentication (mutual TLS)"));
                Assert.That(block, Does.Contain("Certificate CKA_ID 02 \"cps-sign\": signature (VIHF, XAdES)"));
                Assert.That(block, Does.Contain("CN=" + SoftHsmToken.ProfessionalIdNat));
                Assert.That(block, Does.Contain("key usage  digitalSignature"));
                Assert.That(block, Does.Contain("key usage  nonRepudiation"));
                Assert.That(block, Does.Contain("thumbprint " + hsm.SignatureCertificate.Thumbprint));
                Assert.That(stdout, Does.Contain("(no certificate)"), "SoftHSM's free, uninitialised token");
            });
        }

        [Test]
        public async Task List_json_has_stable_fields()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;

            var (code, stdout, stderr) = await RunAsync("token", "list", "--module", hsm.ModulePath, "--json");

            Assert.That(code, Is.Zero, stderr);
            using JsonDocument json = JsonDocument.Parse(stdout);
            JsonElement root = json.RootElement;
            JsonElement token = root.GetProperty("slots").EnumerateArray()
                .Select(s => s.GetProperty("token"))
                .Single(t => t.ValueKind == JsonValueKind.Object && t.GetProperty("label").GetString() == SoftHsmToken.Label);
            JsonElement[] certificates = token.GetProperty("certificates").EnumerateArray().OrderBy(c => c.GetProperty("id").GetString()).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(root.GetProperty("module").GetString(), Is.EqualTo(hsm.ModulePath));
                Assert.That(token.GetProperty("serialNumber").GetString(), Is.EqualTo(hsm.SerialOf(SoftHsmToken.Label)));
                Assert.That(token.GetProperty("pinLocked").GetBoolean(), Is.False);
                Assert.That(certificates.Select(c => c.GetProperty("id").GetString()), Is.EqualTo(new[] { "01", "02" }));
                Assert.That(certificates[0].GetProperty("keyUsage").EnumerateArray().Select(u => u.GetString()), Is.EqualTo(new[] { "digitalSignature" }));
                Assert.That(certificates[0].GetProperty("purposes").EnumerateArray().Select(u => u.GetString()), Is.EqualTo(new[] { "authentication" }));
                Assert.That(certificates[1].GetProperty("keyUsage").EnumerateArray().Select(u => u.GetString()), Is.EqualTo(new[] { "nonRepudiation" }));
                Assert.That(certificates[1].GetProperty("purposes").EnumerateArray().Select(u => u.GetString()), Is.EqualTo(new[] { "signature" }));
                Assert.That(certificates[1].GetProperty("thumbprint").GetString(), Is.EqualTo(hsm.SignatureCertificate.Thumbprint));
                Assert.That(certificates[1].GetProperty("subject").GetString(), Does.Contain("CN=" + SoftHsmToken.ProfessionalIdNat));
                Assert.That(certificates[1].GetProperty("notAfter").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
                Assert.That(certificates[1].GetProperty("label").GetString(), Is.EqualTo(SoftHsmToken.SignatureLabel));
            });
        }

        [Test]
        public async Task The_module_can_come_from_DMP_PKCS11_MODULE()
        {
            Environment.SetEnvironmentVariable(TokenCommands.ModuleVariable, SoftHsmToken.Shared.ModulePath);
            try
            {
                var (code, stdout, stderr) = await RunAsync("token", "list");

                Assert.That(code, Is.Zero, stderr);
                Assert.That(stdout, Does.Contain(SoftHsmToken.Label));
            }
            finally
            {
                Environment.SetEnvironmentVariable(TokenCommands.ModuleVariable, null);
            }
        }

        [Test]
        public async Task A_missing_module_file_fails_with_the_reason()
        {
            var (code, stdout, stderr) = await RunAsync("token", "list", "--module", "/nonexistent/libcps3_pkcs11_lux.so");

            Assert.That(code, Is.EqualTo(ExitCodes.Invalid));
            Assert.That(stderr, Does.Contain("SEC-PKCS11-MODULE").And.Contain("does not exist"));
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace for a user mistake");
            Assert.That(stdout, Is.Empty);
        }

        [Test]
        public async Task Without_module_the_usual_Cryptolib_CPS_path_is_tried_else_it_is_a_usage_error()
        {
            Environment.SetEnvironmentVariable(TokenCommands.ModuleVariable, null);
            string? installed = TokenCommands.UsualModules.FirstOrDefault(File.Exists);

            var (code, stdout, stderr) = await RunAsync("token", "list");

            if (installed is null)
            {
                Assert.That(code, Is.EqualTo(ExitCodes.Usage));
                Assert.That(stderr, Does.Contain("--module").And.Contain(TokenCommands.ModuleVariable));
            }
            else
            {
                Assert.That(stdout + stderr, Does.Contain(installed), "a Cryptolib CPS is installed here: it is used");
            }
        }

        [Test]
        public async Task Help_describes_the_command()
        {
            var (code, stdout, _) = await RunAsync("token", "list", "--help");

            Assert.That(code, Is.Zero);
            Assert.That(stdout, Does.Contain("--module").And.Contain("CKA_ID"));
        }
    }
}
