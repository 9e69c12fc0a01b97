using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Cli;
using DmpConnector.Cli.Context;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class VihfCommandTests
    {
        private string _folder = null!;
        private string _pfx = null!;
        private string _passwordVariable = null!;

        [SetUp]
        public void SetUp()
        {
            _folder = Path.Combine(Path.GetTempPath(), "dmp-vihf-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
            _pfx = Path.Combine(_folder, "signature.pfx");
            File.WriteAllBytes(_pfx, SampleData.SigningCertificate.Export(X509ContentType.Pkcs12, "s3cret-pfx"));
            _passwordVariable = "DMP_TEST_PFX_PASSWORD_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(_passwordVariable, "s3cret-pfx");
        }

        [TearDown]
        public void TearDown()
        {
            Environment.SetEnvironmentVariable(_passwordVariable, null);
            Directory.Delete(_folder, recursive: true);
        }

        private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private string Context => Path.Combine(AppContext.BaseDirectory, "TestData", "fixtures", "signatures", "context-indirecte.json");

        [Test]
        public async Task Build_signs_with_a_PFX_writes_the_file_and_verify_accepts_it()
        {
            string file = Path.Combine(_folder, "vihf.xml");

            var (code, stdout, stderr) = await RunAsync("vihf", "build", "--context", Context, "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable, "-o", file);
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("written to"));
            Assert.That(stderr, Is.Empty, "a context file: no warning");

            XmlDocument document = SignedXmlDocument.Load(File.ReadAllBytes(file));
            Assert.That(document.OuterXml, Does.Contain(">INDIRECTE<"));
            Assert.That(document.OuterXml, Does.Contain("277076322082910^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH"));
            Assert.That(document.OuterXml, Does.Contain(">10B0127189<"));

            string pem = Path.Combine(_folder, "cert.pem");
            File.WriteAllText(pem, SampleData.SigningCertificate.ExportCertificatePem());
            var (verifyCode, verifyOut, verifyErr) = await RunAsync("vihf", "verify", file, "--cert", pem);
            Assert.That(verifyCode, Is.Zero, verifyErr);
            Assert.That(verifyOut, Does.StartWith("VALID"));
            Assert.That(verifyOut, Does.Contain(SampleData.SigningCertificate.Thumbprint));
        }

        [Test]
        public async Task Without_context_the_built_in_test_professional_is_used_with_a_warning()
        {
            var (code, stdout, stderr) = await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable, "--mode", "bris_de_glace", "--json");

            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("built-in TEST professional"));
            using JsonDocument json = JsonDocument.Parse(stdout);
            JsonElement root = json.RootElement;
            Assert.That(root.GetProperty("signed").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("testContext").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("accessMode").GetString(), Is.EqualTo("bris_de_glace"));
            Assert.That(root.GetProperty("authenticationMode").GetString(), Is.EqualTo("DIRECTE"));
            Assert.That(root.GetProperty("signerThumbprint").GetString(), Is.EqualTo(SampleData.SigningCertificate.Thumbprint));
            Assert.That(root.GetProperty("id").GetString(), Does.StartWith("_"));
            string xml = root.GetProperty("xml").GetString()!;
            Assert.That(xml, Does.Contain("207058575627097^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH"), "the built-in test patient");
            Assert.DoesNotThrow(() => new XmlSignatureVerifier().Verify(SignedXmlDocument.Load(System.Text.Encoding.UTF8.GetBytes(xml))));
        }

        [Test]
        public async Task An_explicit_INS_and_an_unsigned_token_are_possible()
        {
            var (code, stdout, stderr) = await RunAsync("vihf", "build", "--ins", "277076322082910", "--ins-kind", "nir-test", "--sign", "none");

            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("277076322082910^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH"));
            Assert.That(stdout, Does.Not.Contain("Signature"));
        }

        [Test]
        public async Task A_context_breaking_a_VIHF_rule_exits_1_with_the_rule()
        {
            string context = Path.Combine(_folder, "ctx.json");
            File.WriteAllText(context, File.ReadAllText(Context).Replace("\"specialty\"", "\"unusedSpecialty\"", StringComparison.Ordinal));

            var (code, _, stderr) = await RunAsync("vihf", "build", "--context", context, "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("VIHF-SPECIALTY"));
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
        }

        [TestCase("{", "(json)")]
        [TestCase("{\"professional\":{},\"organization\":{},\"software\":{}}", "professional.idNat")]
        [TestCase("{\"organization\":{}}", "professional")]
        public async Task A_broken_context_file_names_the_field(string content, string field)
        {
            string context = Path.Combine(_folder, "broken.json");
            File.WriteAllText(context, content);

            var (code, _, stderr) = await RunAsync("vihf", "build", "--context", context, "--sign", "none");

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(field));
        }

        [Test]
        public async Task A_wrong_password_exits_1_without_showing_it_and_a_missing_pfx_is_a_usage_error()
        {
            Environment.SetEnvironmentVariable(_passwordVariable, "not-the-password-42");
            var (code, stdout, stderr) = await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable);
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("SEC-PFX-LOAD"));
            Assert.That(stdout + stderr, Does.Not.Contain("not-the-password-42"));

            Assert.That((await RunAsync("vihf", "build", "--sign", "pfx")).Code, Is.EqualTo(2));
            Assert.That((await RunAsync("vihf", "build")).Code, Is.EqualTo(2), "--sign is required");
            Assert.That((await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", _pfx, "--password-env", "DMP_SURELY_UNSET_VARIABLE_X")).Code, Is.EqualTo(1));
        }

        [Test]
        public async Task Verify_reports_a_tampered_token_and_a_foreign_certificate()
        {
            string file = Path.Combine(_folder, "vihf.xml");
            Assert.That((await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable, "-o", file)).Code, Is.Zero);

            string pem = Path.Combine(_folder, "other.pem");
            File.WriteAllText(pem, SampleData.OtherCertificate.ExportCertificatePem());
            var (foreignCode, _, foreignErr) = await RunAsync("vihf", "verify", file, "--cert", pem);
            Assert.That(foreignCode, Is.EqualTo(1));
            Assert.That(foreignErr, Does.Contain(SignatureRules.Certificate));

            File.WriteAllText(file, File.ReadAllText(file).Replace(">899900063480<", ">899900063481<", StringComparison.Ordinal));
            var (code, stdout, stderr) = await RunAsync("vihf", "verify", file, "--json");
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(SignatureRules.Invalid));
            using JsonDocument json = JsonDocument.Parse(stdout);
            Assert.That(json.RootElement.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("rule").GetString(), Is.EqualTo(SignatureRules.Invalid));
        }

        [Test]
        public async Task Verify_handles_missing_and_non_XML_files()
        {
            string notXml = Path.Combine(_folder, "x.xml");
            File.WriteAllText(notXml, "not xml");

            var (missingCode, _, missingErr) = await RunAsync("vihf", "verify", Path.Combine(_folder, "absent.xml"));
            var (xmlCode, _, xmlErr) = await RunAsync("vihf", "verify", notXml);

            Assert.That(missingCode, Is.EqualTo(1));
            Assert.That(missingErr, Does.Contain("FILE"));
            Assert.That(xmlCode, Is.EqualTo(1));
            Assert.That(xmlErr, Does.Contain("XML"));
        }

        [Test]
        public async Task Sha1_is_used_only_on_request_and_an_authentication_looking_key_gets_a_warning()
        {
            var (code, stdout, stderr) = await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", _pfx, "--password-env", _passwordVariable, "--sha1");
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain(XmlSignatureAlgorithms.RsaSha1));
            Assert.That(stderr, Does.Not.Contain("authentication key"));

            using X509Certificate2 authentication = SampleData.CreateSigningCertificate("CN=AUTH, O=Test, C=FR", X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment);
            string pfx = Path.Combine(_folder, "auth.pfx");
            File.WriteAllBytes(pfx, authentication.Export(X509ContentType.Pkcs12, "s3cret-pfx"));
            var (authCode, authOut, authErr) = await RunAsync("vihf", "build", "--sign", "pfx", "--pfx", pfx, "--password-env", _passwordVariable);
            Assert.That(authCode, Is.Zero);
            Assert.That(authOut, Does.Contain(XmlSignatureAlgorithms.RsaSha256));
            Assert.That(authErr, Does.Contain("authentication key"));
        }

        [Test]
        public async Task Help_is_available()
        {
            Assert.That((await RunAsync("vihf", "build", "--help")).Code, Is.Zero);
            Assert.That((await RunAsync("vihf", "verify", "--help")).Stdout, Does.Contain("--allow-sha1"));
        }

        [Test]
        public void The_context_file_loads_every_documented_field()
        {
            CliContext context = CliContext.Load(Context);

            Assert.Multiple(() =>
            {
                Assert.That(context.Professional.Id.Value, Is.EqualTo("899900063480"));
                Assert.That(context.Professional.Specialty!.Code, Is.EqualTo("SM26"));
                Assert.That(context.Professional.Title, Is.EqualTo("DR"));
                Assert.That(context.Organization.Id.Value, Is.EqualTo("10B0127189"));
                Assert.That(context.Organization.SectorOfActivity!.Code, Is.EqualTo("SA07"));
                Assert.That(context.Software.InstallationId, Is.EqualTo("01.02.03.04"));
                Assert.That(context.Software.HomologationNumber, Is.EqualTo("TEST-HOMOLOGATION"));
                Assert.That(context.Patient!.Ins!.Kind, Is.EqualTo(InsKind.NirTest));
                Assert.That(context.Patient.Status, Is.EqualTo(IdentityStatus.Qualified));
                Assert.That(context.Patient.Traits.Sex, Is.EqualTo(Sex.Female));
                Assert.That(context.AuthenticationMode, Is.EqualTo(VihfAuthenticationMode.Indirect));
                Assert.That(context.IsBuiltInTest, Is.False);
                Assert.That(CliContext.BuiltInTest().IsBuiltInTest, Is.True);
            });
        }
    }
}
