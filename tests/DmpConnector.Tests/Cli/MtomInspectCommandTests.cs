using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class MtomInspectCommandTests
    {
        private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fixtures", "soap", name);

        private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        [Test]
        public async Task A_body_dump_starting_with_the_boundary_is_inspected_as_JSON()
        {
            var (code, stdout, stderr) = await RunAsync("mtom", "inspect", Fixture("td21-shaped-request.mtom"), "--json");

            Assert.That(code, Is.EqualTo(0), stderr);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            JsonElement root = doc.RootElement;
            Assert.That(root.GetProperty("soapVersion").GetString(), Is.EqualTo("1.1"));
            Assert.That(root.GetProperty("action").GetString(), Is.EqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"));
            Assert.That(root.GetProperty("rootContentId").GetString(), Is.EqualTo("rootpart@fixture.example"));
            JsonElement[] parts = root.GetProperty("parts").EnumerateArray().ToArray();
            Assert.That(parts, Has.Length.EqualTo(3));
            Assert.That(parts[2].GetProperty("contentId").GetString(), Is.EqualTo("FIXTURE_Signature01.xml"));
            Assert.That(parts[2].GetProperty("contentType").GetString(), Does.StartWith("text/xml"));
            byte[] signature = SampleData.Utf8("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature>");
            Assert.That(parts[2].GetProperty("size").GetInt64(), Is.EqualTo(signature.Length));
#pragma warning disable CA5350
            Assert.That(parts[2].GetProperty("sha1").GetString(), Is.EqualTo(Convert.ToHexString(SHA1.HashData(signature)).ToLowerInvariant()));
#pragma warning restore CA5350
            JsonElement[] includes = root.GetProperty("xopIncludes").EnumerateArray().ToArray();
            Assert.That(includes.Select(i => i.GetProperty("resolved").GetBoolean()), Is.EqualTo(new[] { true, true }));
            Assert.That(includes[0].GetProperty("href").GetString(), Is.EqualTo("cid:FIXTURE_Document01.xml"));
            Assert.That(root.GetProperty("fault").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        [Test]
        public async Task A_capture_with_HTTP_headers_holding_a_fault_shows_the_fault()
        {
            var (code, stdout, _) = await RunAsync("mtom", "inspect", Fixture("iti43-fault-in-mtom.http"), "--json");

            Assert.That(code, Is.EqualTo(0));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            JsonElement fault = doc.RootElement.GetProperty("fault");
            Assert.That(fault.GetProperty("code").GetString(), Is.EqualTo("Sender"));
            Assert.That(fault.GetProperty("subcodes")[0].GetString(), Is.EqualTo("DMPInvalidCertificate"));
            Assert.That(fault.GetProperty("reason").GetString(), Is.EqualTo("Not a valid signature certificate"));
            Assert.That(doc.RootElement.GetProperty("soapVersion").GetString(), Is.EqualTo("1.2"));
        }

        [Test]
        public async Task The_text_output_lists_parts_and_includes()
        {
            var (code, stdout, _) = await RunAsync("mtom", "inspect", Fixture("td21-shaped-request.mtom"));

            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.StartWith("MTOM message: 3 part(s), SOAP 1.1"));
            Assert.That(stdout, Does.Contain("xop:Include cid:FIXTURE_Document01.xml -> resolved"));
        }

        [Test]
        public async Task A_body_with_its_content_type_given_on_the_command_line_is_read()
        {
            string path = Path.GetTempFileName();
            try
            {
                byte[] data = SampleData.Multipart("b1", "\r\n", "", "",
                    ("Content-ID: <att@x>", SampleData.Bytes(10)),
                    ("Content-Type: application/xop+xml; type=\"application/soap+xml\"\nContent-ID: <root@x>", SampleData.Utf8(SampleData.Soap12Response("<a:b xmlns:a=\"urn:a\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:missing\"/></a:b>"))));
                File.WriteAllBytes(path, data);

                var (code, stdout, stderr) = await RunAsync("mtom", "inspect", path, "--content-type", "multipart/related; boundary=b1; start=\"<root@x>\"", "--json");

                Assert.That(code, Is.EqualTo(1), "an unresolved include makes the message invalid");
                Assert.That(stderr, Does.Contain("MTOM-CID-UNRESOLVED"));
                using JsonDocument doc = JsonDocument.Parse(stdout);
                Assert.That(doc.RootElement.GetProperty("rootContentId").GetString(), Is.EqualTo("root@x"));
                Assert.That(doc.RootElement.GetProperty("xopIncludes")[0].GetProperty("resolved").GetBoolean(), Is.False);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task A_file_that_is_not_MTOM_exits_1_with_the_rule_and_no_stack_trace()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "this is not a multipart message\n");
                var (code, _, stderr) = await RunAsync("mtom", "inspect", path);

                Assert.That(code, Is.EqualTo(1));
                Assert.That(stderr, Does.Contain("MTOM-BOUNDARY-NOT-FOUND"));
                Assert.That(stderr, Does.Not.Contain("   at "));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task A_missing_file_exits_1_and_a_missing_argument_exits_2()
        {
            Assert.That((await RunAsync("mtom", "inspect", "/nonexistent/x.mtom")).Code, Is.EqualTo(1));
            Assert.That((await RunAsync("mtom", "inspect")).Code, Is.EqualTo(2));
        }

        [TestCaseSource(typeof(ReferenceMaterial), nameof(ReferenceMaterial.Cases), new object[] { new[] { "dmp-messages/TD2.1-alimentation.request.xml" } })]
        public async Task The_official_TD21_request_is_inspected(string path)
        {
            var (code, stdout, _) = await RunAsync("mtom", "inspect", path, "--json");

            Assert.That(code, Is.EqualTo(0));
            using JsonDocument doc = JsonDocument.Parse(stdout);
            Assert.That(doc.RootElement.GetProperty("parts").GetArrayLength(), Is.EqualTo(3));
            Assert.That(doc.RootElement.GetProperty("soapVersion").GetString(), Is.EqualTo("1.1"));
        }
    }
}
