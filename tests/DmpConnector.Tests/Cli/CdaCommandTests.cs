using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cda;
using DmpConnector.Cli;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class CdaCommandTests
    {
        private string dir = string.Empty;

        [SetUp]
        public void SetUp()
        {
            dir = Path.Combine(Path.GetTempPath(), "dmp-cda-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
        }

        [TearDown]
        public void TearDown() => Directory.Delete(dir, recursive: true);

        private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private string WriteFile(string name, byte[] bytes)
        {
            string path = Path.Combine(dir, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        [Test]
        public async Task Pack_then_inspect_then_unpack_round_trips_a_PDF_with_the_built_in_test_context()
        {
            byte[] pdf = SampleData.CdaContent(CdaMediaTypes.Pdf);
            string input = WriteFile("cr.pdf", pdf);
            string cda = Path.Combine(dir, "cr.xml");

            var (code, stdout, stderr) = await RunAsync("cda", "pack", "--in", input, "--type", "cr-biologie", "-o", cda, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stderr, Does.Contain("warning: no --context given"));
            using (JsonDocument summary = JsonDocument.Parse(stdout))
            {
                Assert.That(summary.RootElement.GetProperty("typeCode").GetProperty("code").GetString(), Is.EqualTo("11502-2"));
                Assert.That(summary.RootElement.GetProperty("testContext").GetBoolean(), Is.True);
                Assert.That(summary.RootElement.GetProperty("size").GetInt64(), Is.EqualTo(new FileInfo(cda).Length));
            }

            Assert.That(SampleData.ValidateCda(File.ReadAllBytes(cda)), Is.Empty);

            (code, stdout, stderr) = await RunAsync("cda", "inspect", cda, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            using (JsonDocument doc = JsonDocument.Parse(stdout))
            {
                JsonElement root = doc.RootElement;
                Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("ClinicalDocument"));
                JsonElement entry = root.GetProperty("documentEntries")[0];
                foreach (string name in new[] { "entryUUID", "uniqueId", "logicalId", "version", "patientId", "title", "mimeType", "classCode", "typeCode", "formatCode", "practiceSettingCode", "healthcareFacilityTypeCode", "confidentialityCodes", "creationTime", "serviceStartTime", "serviceStopTime", "availabilityStatus", "hash", "size", "repositoryUniqueId", "authors" })
                {
                    Assert.That(entry.TryGetProperty(name, out _), Is.True, name);
                }

                Assert.That(entry.GetProperty("classCode").GetProperty("code").GetString(), Is.EqualTo("10"));
                Assert.That(entry.GetProperty("classCode").GetProperty("scheme").GetString(), Is.EqualTo("1.2.250.1.213.1.1.4.1"));
                Assert.That(entry.GetProperty("formatCode").GetProperty("code").GetString(), Is.EqualTo("urn:ihe:iti:xds-sd:pdf:2008"));
                Assert.That(entry.GetProperty("patientId").GetString(), Is.EqualTo(SampleData.DmpTestPatientCx));
                Assert.That(entry.GetProperty("mimeType").GetString(), Is.EqualTo("text/xml"));
                Assert.That(entry.GetProperty("authors")[0].GetProperty("person").GetString(), Does.StartWith("899900063480^"));
                Assert.That(entry.GetProperty("size").GetInt64(), Is.EqualTo(new FileInfo(cda).Length));
            }

            string extracted = Path.Combine(dir, "out.pdf");
            (code, _, stderr) = await RunAsync("cda", "unpack", cda, "-o", extracted);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(File.ReadAllBytes(extracted), Is.EqualTo(pdf));
        }

        [Test]
        public async Task Pack_writes_a_new_version_that_replaces_the_previous_one()
        {
            string input = WriteFile("cr.pdf", SampleData.CdaContent(CdaMediaTypes.Pdf));
            string cda = Path.Combine(dir, "v2.xml");

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "-o", cda, "--document-id", "1.2.250.1.999.1.1.7898.3.2",
                "--set-id", "1.2.250.1.999.1.1.7898.3.1", "--version-number", "2", "--replaces", "1.2.250.1.999.1.1.7898.3.1");

            Assert.That(code, Is.EqualTo(0), stderr);
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(File.OpenRead(cda));
            Assert.That(m.VersionNumber, Is.EqualTo(2));
            Assert.That(m.ReplacedDocumentId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));

            (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "-o", Path.Combine(dir, "bad.xml"), "--version-number", "2");
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.Required));
            Assert.That(File.Exists(Path.Combine(dir, "bad.xml")), Is.False);
        }

        [Test]
        public async Task Pack_uses_the_context_file_when_given()
        {
            string context = WriteFile("ctx.json", Encoding.UTF8.GetBytes("""
                {
                  "professional": { "idNat": "810002345675", "familyName": "MARTIN", "givenName": "CLAIRE",
                    "profession": { "code": "60", "codeSystem": "1.2.250.1.71.1.2.7", "displayName": "Infirmier" } },
                  "organization": { "idNat": "499900063480001", "name": "CABINET INFIRMIER TEST",
                    "sectorOfActivity": { "code": "SA08", "codeSystem": "1.2.250.1.71.4.2.4", "displayName": "Cabinet de groupe" } },
                  "software": { "name": "Test", "version": "1", "homologationNumber": "TEST" },
                  "patient": { "ins": "277076322082910", "insKind": "nir-test", "birthName": "TESTNOM", "givenNames": ["JEANNE"],
                    "sex": "F", "birthDate": "1977-07-03", "birthPlace": "63220", "status": "QUAL" }
                }
                """));
            string input = WriteFile("bsi.txt", Encoding.UTF8.GetBytes("Bilan de soins infirmiers."));
            string cda = Path.Combine(dir, "bsi.xml");

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "--type", "bilan-soins-infirmiers", "--type-code", "11506-3", "--context", context, "-o", cda);

            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stderr, Does.Not.Contain("no --context"));
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(File.OpenRead(cda));
            Assert.That(m.Authors[0].IdExtension, Is.EqualTo("810002345675"));
            Assert.That(m.Authors[0].Code!.Code, Is.EqualTo("G15_60"));
            Assert.That(m.HealthcareFacilityTypeCode!.Code, Is.EqualTo("SA08"));
            Assert.That(m.ClassCode!.Code, Is.EqualTo("10"), "11506-3 has a public class pair");
        }

        [Test]
        public async Task Pack_of_a_PDF_that_is_not_a_PDF_exits_1_with_the_rule_and_leaves_no_file()
        {
            string input = WriteFile("fake.pdf", Encoding.ASCII.GetBytes("MZ this is an executable"));
            string cda = Path.Combine(dir, "fake.xml");

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "-o", cda);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.ContentMagic));
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EqualTo(new[] { "fake.pdf" }), "nothing half-written");
        }

        [Test]
        public async Task Pack_of_an_empty_file_exits_1_and_keeps_an_existing_output_untouched()
        {
            string input = WriteFile("empty.pdf", Array.Empty<byte>());
            string cda = WriteFile("existing.xml", Encoding.UTF8.GetBytes("<keep/>"));

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "-o", cda);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.ContentEmpty));
            Assert.That(File.ReadAllText(cda), Is.EqualTo("<keep/>"));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(2));
        }

        [Test]
        public async Task Pack_of_a_preset_without_public_type_code_asks_for_it()
        {
            string input = WriteFile("dcc.pdf", SampleData.CdaContent(CdaMediaTypes.Pdf));

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "--type", "dcc", "-o", Path.Combine(dir, "dcc.xml"));

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.Required).And.Contain("typeCode"));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1));
        }

        [Test]
        public async Task Pack_with_an_unqualified_patient_exits_1_with_the_identity_rule()
        {
            string context = WriteFile("ctx.json", Encoding.UTF8.GetBytes("""
                {
                  "professional": { "idNat": "899900063480", "familyName": "LIBRE", "givenName": "MAX",
                    "profession": { "code": "10", "codeSystem": "1.2.250.1.71.1.2.7", "displayName": "Médecin" },
                    "specialty": { "code": "SM26", "codeSystem": "1.2.250.1.71.4.2.5", "displayName": "Qualifié en Médecine Générale (SM)" } },
                  "organization": { "idNat": "499900063480001", "name": "CABINET DR LIBRE",
                    "sectorOfActivity": { "code": "SA07", "codeSystem": "1.2.250.1.71.4.2.4", "displayName": "Cabinet individuel" } },
                  "software": { "name": "Test", "version": "1", "homologationNumber": "TEST" },
                  "patient": { "ins": "277076322082910", "insKind": "nir-test", "birthName": "TESTNOM", "givenNames": ["JEANNE"],
                    "sex": "F", "birthDate": "1977-07-03", "birthPlace": "63220", "status": "VALI" }
                }
                """));
            string input = WriteFile("cr.pdf", SampleData.CdaContent(CdaMediaTypes.Pdf));

            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "--context", context, "-o", Path.Combine(dir, "cr.xml"));

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("IDENTITY-NOT-QUALIFIED"));
            Assert.That(File.Exists(Path.Combine(dir, "cr.xml")), Is.False);
        }

        [Test]
        public async Task Unpack_of_a_structured_CDA_exits_1_and_leaves_no_file()
        {
            string output = Path.Combine(dir, "out.bin");

            var (code, _, stderr) = await RunAsync("cda", "unpack", SampleData.CdaFixture("structured-minimal.xml"), "-o", output);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.NoEmbeddedDocument));
            Assert.That(Directory.GetFiles(dir), Is.Empty);
        }

        [Test]
        public async Task Inspect_of_a_CDA_missing_its_INS_prints_the_fields_and_exits_1()
        {
            var (code, stdout, stderr) = await RunAsync("cda", "inspect", SampleData.CdaFixture("no-ins.xml"));

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stdout, Does.Contain("typeCode: 11502-2"));
            Assert.That(stderr, Does.Contain(CdaRules.InsMissing));
        }

        [Test]
        public async Task Inspect_of_a_CDA_with_a_DTD_exits_1_with_the_rule()
        {
            var (code, _, stderr) = await RunAsync("cda", "inspect", SampleData.CdaFixture("with-dtd.xml"), "--json");

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.XmlDtd));
        }

        [Test]
        public async Task Inspect_reports_tolerated_deviations_as_warnings()
        {
            var (code, stdout, stderr) = await RunAsync("cda", "inspect", SampleData.CdaFixture("n1-quirks.xml"), "--json");

            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stderr, Does.Contain("CDA-TIME-NO-OFFSET"));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.That(doc.RootElement.GetProperty("cda").GetProperty("deviations").GetArrayLength(), Is.EqualTo(1));
        }

        [Test]
        public async Task Presets_lists_every_preset_with_its_codes()
        {
            var (code, stdout, _) = await RunAsync("cda", "presets", "--json");

            Assert.That(code, Is.EqualTo(0));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            JsonElement[] presets = doc.RootElement.EnumerateArray().ToArray();
            Assert.That(presets.Select(p => p.GetProperty("name").GetString()), Is.EqualTo(CdaPresets.All.Select(p => p.Name)));
            JsonElement vsm = presets.Single(p => p.GetProperty("name").GetString() == "vsm");
            Assert.That(vsm.GetProperty("typeCode").GetProperty("code").GetString(), Is.EqualTo("SYNTH"));
            Assert.That(vsm.GetProperty("formatCode").GetProperty("code").GetString(), Is.EqualTo("urn:ihe:iti:xds-sd:pdf:2008"));
            JsonElement dcc = presets.Single(p => p.GetProperty("name").GetString() == "dcc");
            Assert.That(dcc.GetProperty("typeCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(dcc.GetProperty("missingCodes").GetString(), Does.Contain("typeCode"));
        }

        private static System.Collections.Generic.IEnumerable<TestCaseData> OfficialN1() => ReferenceMaterial.Cases("cda-examples/DOC_NON_STRUCTURE_CDA-R2-N1.xml");

        [TestCaseSource(nameof(OfficialN1))]
        public async Task Inspect_and_unpack_read_the_official_N1_example_in_place(string path)
        {
            var (code, stdout, stderr) = await RunAsync("cda", "inspect", path, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            using (JsonDocument doc = JsonDocument.Parse(stdout))
            {
                JsonElement entry = doc.RootElement.GetProperty("documentEntries")[0];
                Assert.That(entry.GetProperty("creationTime").GetString(), Is.EqualTo("20210401124745"));
                Assert.That(entry.GetProperty("typeCode").GetProperty("code").GetString(), Is.EqualTo("11502-2"));
                Assert.That(entry.GetProperty("patientId").GetString(), Does.EndWith("&1.2.250.1.213.1.4.10&ISO^NH"));
            }

            string pdf = Path.Combine(dir, "n1.pdf");
            (code, _, stderr) = await RunAsync("cda", "unpack", path, "-o", pdf);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5), Is.EqualTo("%PDF-"));
        }

        [Test]
        public async Task Unknown_preset_is_exit_1_and_missing_arguments_are_usage_errors()
        {
            string input = WriteFile("cr.pdf", SampleData.CdaContent(CdaMediaTypes.Pdf));
            var (code, _, stderr) = await RunAsync("cda", "pack", "--in", input, "--type", "nope", "-o", Path.Combine(dir, "x.xml"));
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain(CdaRules.UnknownPreset));

            (code, _, _) = await RunAsync("cda", "pack", "--in", input);
            Assert.That(code, Is.EqualTo(2));
        }
    }
}
