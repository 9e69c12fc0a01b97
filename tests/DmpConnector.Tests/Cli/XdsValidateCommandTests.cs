using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class XdsValidateCommandTests
    {
        private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private static string Write(IXdsMessage message)
        {
            string path = Path.Combine(Path.GetTempPath(), "xds-validate-" + Guid.NewGuid().ToString("N") + ".xml");
            File.WriteAllText(path, XdsWriter.WriteToString(message));
            return path;
        }

        /// <summary>A submission whose second entry has no classCode and belongs to another patient (a well-formed INS).</summary>
        private static ProvideAndRegisterDocumentSetRequest Broken()
        {
            ProvideAndRegisterDocumentSetRequest pnr = SampleData.XdsProvideAndRegister(2);
            return pnr with
            {
                Metadata = pnr.Metadata with
                {
                    DocumentEntries = new[]
                    {
                        pnr.Metadata.DocumentEntries[0],
                        pnr.Metadata.DocumentEntries[1] with { ClassCode = null, PatientId = "177076322082950^^^&1.2.250.1.213.1.4.10&ISO^NH" },
                    },
                },
            };
        }

        [Test]
        public async Task A_valid_submission_exits_0_under_both_profiles()
        {
            string path = Write(SampleData.XdsProvideAndRegister(2));
            try
            {
                var (code, stdout, stderr) = await RunAsync("xds", "validate", path);
                Assert.That(code, Is.EqualTo(0), stderr);
                Assert.That(stdout, Does.Contain("0 error(s)"));
                Assert.That((await RunAsync("xds", "validate", path, "--profile", "xds")).Code, Is.EqualTo(0));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task An_invalid_submission_exits_1_with_every_issue_in_JSON_and_no_patient_data()
        {
            string path = Write(Broken());
            try
            {
                var (code, stdout, stderr) = await RunAsync("xds", "validate", path, "--json");

                Assert.That(code, Is.EqualTo(1));
                Assert.That(stderr, Does.Contain("XDS-VALIDATION"));
                using JsonDocument doc = JsonDocument.Parse(stdout);
                JsonElement root = doc.RootElement;
                Assert.That(root.GetProperty("valid").GetBoolean(), Is.False);
                Assert.That(root.GetProperty("profile").GetString(), Is.EqualTo("dmp"));
                Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("ProvideAndRegisterDocumentSetRequest"));
                JsonElement[] errors = root.GetProperty("issues").EnumerateArray().Where(i => i.GetProperty("severity").GetString() == "Error").ToArray();
                Assert.That(errors.Select(e => e.GetProperty("rule").GetString()), Is.EquivalentTo(new[] { "XDS-REQUIRED", "XDS-PATIENT-MISMATCH" }));
                Assert.That(errors.All(e => e.GetProperty("object").GetString() == "Document2"), Is.True);
                JsonElement mismatch = errors.Single(e => e.GetProperty("rule").GetString() == "XDS-PATIENT-MISMATCH");
                Assert.That(mismatch.GetProperty("valueRedacted").GetBoolean(), Is.True);
                Assert.That(mismatch.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
                Assert.That(root.GetProperty("errors").GetInt32(), Is.EqualTo(2));
                Assert.That(stdout + stderr, Does.Not.Contain("177076322082950"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task The_xds_profile_ignores_DMP_only_rules()
        {
            ProvideAndRegisterDocumentSetRequest pnr = SampleData.XdsProvideAndRegister(1);
            pnr = pnr with { Metadata = pnr.Metadata with { DocumentEntries = new[] { pnr.Metadata.DocumentEntries[0] with { Title = null } } } };
            string path = Write(pnr);
            try
            {
                Assert.That((await RunAsync("xds", "validate", path, "--profile", "xds")).Code, Is.EqualTo(0));
                var (code, stdout, _) = await RunAsync("xds", "validate", path, "--profile", "dmp");
                Assert.That(code, Is.EqualTo(1));
                Assert.That(stdout, Does.Contain("XDS-REQUIRED Document1 title"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static string WriteMtom(ProvideAndRegisterDocumentSetRequest pnr, string document)
        {
            const string boundary = "MIMEBoundary_validate";
            string text = "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\nContent-ID: <root@validate>\r\n\r\n"
                + XdsWriter.WriteToString(pnr) + "\r\n--" + boundary + "\r\nContent-Type: text/xml\r\nContent-ID: <doc1@dmpconnector.test>\r\n\r\n"
                + document + "\r\n--" + boundary + "--\r\n";
            string path = Path.Combine(Path.GetTempPath(), "xds-validate-" + Guid.NewGuid().ToString("N") + ".mtom");
            File.WriteAllText(path, text);
            return path;
        }

        [TestCase(true, 0)]
        [TestCase(false, 1)]
        public async Task The_hash_and_size_of_an_MTOM_submission_are_checked_against_its_attachments(bool matching, int expected)
        {
            const string document = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>";
            XdsDocumentDigest digest = XdsDocumentDigest.Compute(new MemoryStream(SampleData.Utf8(document)));
            ProvideAndRegisterDocumentSetRequest pnr = SampleData.XdsProvideAndRegister(1);
            DocumentEntry entry = pnr.Metadata.DocumentEntries[0] with { Hash = matching ? digest.Hash : "da39a3ee5e6b4b0d3255bfef95601890afd80709", Size = digest.Size };
            string path = WriteMtom(pnr with { Metadata = pnr.Metadata with { DocumentEntries = new[] { entry } } }, document);
            try
            {
                var (code, stdout, stderr) = await RunAsync("xds", "validate", path, "--json");

                Assert.That(code, Is.EqualTo(expected), stderr);
                using JsonDocument doc = JsonDocument.Parse(stdout);
                string?[] rules = doc.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("rule").GetString()).ToArray();
                Assert.That(rules.Contains("XDS-HASH-MISMATCH"), Is.EqualTo(!matching));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task An_unknown_profile_is_a_usage_error()
        {
            Assert.That((await RunAsync("xds", "validate", SampleData.XdsFixturePath("update-delete.xml"), "--profile", "hl7")).Code, Is.EqualTo(2));
        }

        [Test]
        public async Task The_official_shaped_fixtures_validate()
        {
            foreach (string name in new[] { "pnr-soap11-mtom-root.xml", "update-delete.xml", "find-documents-response.xml", "find-documents-request.xml" })
            {
                var (code, _, stderr) = await RunAsync("xds", "validate", SampleData.XdsFixturePath(name));
                Assert.That(code, Is.EqualTo(0), name + ": " + stderr);
            }
        }
    }
}
