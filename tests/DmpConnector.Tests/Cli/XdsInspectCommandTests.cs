using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DmpConnector.Cli;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cli
{
    public class XdsInspectCommandTests
    {
        private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            int code = await DmpCli.RunAsync(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private static async Task<JsonElement> InspectJsonAsync(string path)
        {
            var (code, stdout, stderr) = await RunAsync("xds", "inspect", path, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            using JsonDocument doc = JsonDocument.Parse(stdout);
            return doc.RootElement.Clone();
        }

        /// <summary>An MTOM body (boundary line first, or HTTP headers first) whose root part is our TD2.1-shaped fixture.</summary>
        private static string WriteMtom(bool withHttpHeaders)
        {
            string root = File.ReadAllText(SampleData.XdsFixturePath("pnr-soap11-mtom-root.xml"));
            const string boundary = "MIMEBoundary_xds_cli_test";
            var body = new StringBuilder()
                .Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n")
                .Append("Content-ID: <root@xds.test>\r\n\r\n")
                .Append(root).Append("\r\n")
                .Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: text/xml\r\nContent-ID: <test-cr1.xml>\r\n\r\n<ClinicalDocument/>\r\n")
                .Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: text/xml\r\nContent-ID: <test-signature.xml>\r\n\r\n<Signature/>\r\n")
                .Append("--").Append(boundary).Append("--\r\n");
            string text = body.ToString();
            if (withHttpHeaders)
            {
                text = "HTTP/1.1 200 OK\r\nContent-Type: multipart/related; boundary=\"" + boundary + "\"; type=\"application/xop+xml\"; start=\"<root@xds.test>\"\r\n"
                    + "Content-Length: " + Encoding.UTF8.GetByteCount(text).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n" + text;
            }

            string path = Path.Combine(Path.GetTempPath(), "xds-cli-" + Guid.NewGuid().ToString("N") + (withHttpHeaders ? ".http" : ".mtom"));
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        [Test]
        public async Task A_query_response_is_shown_with_the_documented_field_names()
        {
            JsonElement root = await InspectJsonAsync(SampleData.XdsFixturePath("find-documents-response.xml"));

            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("AdhocQueryResponse"));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success"));
            JsonElement entry = root.GetProperty("documentEntries")[0];
            string[] documented =
            {
                "entryUUID", "uniqueId", "logicalId", "version", "patientId", "title", "mimeType", "classCode", "typeCode", "formatCode",
                "practiceSettingCode", "healthcareFacilityTypeCode", "confidentialityCodes", "creationTime", "serviceStartTime",
                "serviceStopTime", "availabilityStatus", "hash", "size", "repositoryUniqueId", "authors",
            };
            Assert.That(documented.Where(n => !entry.TryGetProperty(n, out _)), Is.Empty);
            Assert.That(entry.GetProperty("entryUUID").GetString(), Is.EqualTo("urn:uuid:1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b"));
            Assert.That(entry.GetProperty("title").GetString(), Is.EqualTo("Compte rendu de test"));
            Assert.That(entry.GetProperty("version").GetString(), Is.EqualTo("1"));
            Assert.That(entry.GetProperty("classCode").GetProperty("code").GetString(), Is.EqualTo("10"));
            Assert.That(entry.GetProperty("classCode").GetProperty("scheme").GetString(), Is.EqualTo("1.2.250.1.213.1.1.4.1"));
            Assert.That(entry.GetProperty("classCode").TryGetProperty("display", out _), Is.True);
            Assert.That(entry.GetProperty("creationTime").GetString(), Is.EqualTo("20240312091000"));
            Assert.That(entry.GetProperty("size").GetInt64(), Is.EqualTo(0));
            Assert.That(entry.GetProperty("confidentialityCodes")[0].GetProperty("code").GetString(), Is.EqualTo("N"));
            JsonElement author = entry.GetProperty("authors")[0];
            Assert.That(new[] { "person", "institutions", "roles", "specialties" }.Where(n => !author.TryGetProperty(n, out _)), Is.Empty);
            Assert.That(author.GetProperty("institutions")[0].GetString(), Does.StartWith("CABINET DE TEST"));
            Assert.That(entry.GetProperty("extraSlots").GetProperty("urn:example:unknownSlot").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("queryId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("totalResultCount").GetInt64(), Is.EqualTo(2));
            Assert.That(root.GetProperty("errors").GetArrayLength(), Is.EqualTo(0));
        }

        [Test]
        public async Task A_query_request_shows_its_id_and_parameters()
        {
            JsonElement root = await InspectJsonAsync(SampleData.XdsFixturePath("find-documents-request.xml"));

            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("AdhocQueryRequest"));
            Assert.That(root.GetProperty("queryId").GetString(), Is.EqualTo("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d"));
            Assert.That(root.GetProperty("queryName").GetString(), Is.EqualTo("FindDocuments"));
            JsonElement parameters = root.GetProperty("parameters");
            Assert.That(parameters.GetProperty("$XDSDocumentEntryStatus")[0].GetString(), Is.EqualTo("('urn:oasis:names:tc:ebxml-regrep:StatusType:Approved')"));
            Assert.That(parameters.GetProperty("$XDSDocumentEntryPatientId")[0].GetString(), Does.StartWith("'277076322082910^^^"));
        }

        [Test]
        public async Task A_registry_failure_lists_errors_with_severity_context_and_location()
        {
            JsonElement root = await InspectJsonAsync(SampleData.XdsFixturePath("registry-response-failure.xml"));

            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("RegistryResponse"));
            JsonElement[] errors = root.GetProperty("errors").EnumerateArray().ToArray();
            Assert.That(errors.Select(e => e.GetProperty("code").GetString()), Is.EqualTo(new[] { "XDSPatientIdDoesNotMatch", "XDSExtraMetadataNotSaved" }));
            Assert.That(errors.Select(e => e.GetProperty("severity").GetString()), Is.EqualTo(new[] { "Error", "Warning" }));
            Assert.That(errors[0].GetProperty("location").GetString(), Is.EqualTo("DocumentCR1"));
            Assert.That(errors[0].GetProperty("context").GetString(), Does.Contain("does not match"));
        }

        [Test]
        public async Task A_submission_shows_sets_associations_and_attachment_references()
        {
            JsonElement root = await InspectJsonAsync(SampleData.XdsFixturePath("pnr-soap11-mtom-root.xml"));

            AssertSubmission(root);
        }

        [TestCase(false)]
        [TestCase(true)]
        public async Task An_MTOM_body_or_HTTP_capture_is_read_through_the_transport_layer(bool withHttpHeaders)
        {
            string path = WriteMtom(withHttpHeaders);
            try
            {
                AssertSubmission(await InspectJsonAsync(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static void AssertSubmission(JsonElement root)
        {
            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("ProvideAndRegisterDocumentSetRequest"));
            JsonElement set = root.GetProperty("submissionSets")[0];
            Assert.That(new[] { "entryUUID", "uniqueId", "sourceId", "submissionTime", "contentTypeCode", "patientId" }.Where(n => !set.TryGetProperty(n, out _)), Is.Empty);
            Assert.That(set.GetProperty("entryUUID").GetString(), Is.EqualTo("SubmissionSet01"));
            Assert.That(root.GetProperty("documentEntries").EnumerateArray().Select(e => e.GetProperty("entryUUID").GetString()), Is.EqualTo(new[] { "DocumentCR1", "Signature01" }));
            JsonElement[] associations = root.GetProperty("associations").EnumerateArray().ToArray();
            Assert.That(associations, Has.Length.EqualTo(3));
            Assert.That(associations[0].GetProperty("slots").GetProperty("SubmissionSetStatus")[0].GetString(), Is.EqualTo("Original"));
            Assert.That(associations[2].GetProperty("type").GetString(), Is.EqualTo("urn:ihe:iti:2007:AssociationType:signs"));
            Assert.That(associations.All(a => a.TryGetProperty("source", out _) && a.TryGetProperty("target", out _) && a.TryGetProperty("id", out _)), Is.True);
            JsonElement[] documents = root.GetProperty("documents").EnumerateArray().ToArray();
            Assert.That(documents.Select(d => d.GetProperty("contentId").GetString()), Is.EqualTo(new[] { "test-cr1.xml", "test-signature.xml" }));
        }

        [Test]
        public async Task Text_output_names_the_kind_and_every_entry()
        {
            var (code, stdout, _) = await RunAsync("xds", "inspect", SampleData.XdsFixturePath("update-delete.xml"));

            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.StartWith("XDS message: SubmitObjectsRequest"));
            Assert.That(stdout, Does.Contain("association UpdateAvailabilityStatus"));
        }

        [Test]
        public async Task A_retrieve_response_shows_its_documents()
        {
            JsonElement root = await InspectJsonAsync(SampleData.XdsFixturePath("retrieve-response-inline.xml"));

            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("RetrieveDocumentSetResponse"));
            JsonElement document = root.GetProperty("documents")[0];
            Assert.That(document.GetProperty("inline").GetBoolean(), Is.True);
            Assert.That(document.GetProperty("inlineLength").GetInt64(), Is.GreaterThan(0));
        }

        [Test]
        public async Task Unreadable_input_exits_1_with_the_rule_and_no_stack_trace()
        {
            string path = Path.Combine(Path.GetTempPath(), "xds-cli-" + Guid.NewGuid().ToString("N") + ".xml");
            File.WriteAllText(path, "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>");
            try
            {
                var (code, stdout, stderr) = await RunAsync("xds", "inspect", path, "--json");

                Assert.That(code, Is.EqualTo(1));
                Assert.That(stdout, Is.Empty);
                Assert.That(stderr, Does.Contain("XDS-XML-DTD"));
                Assert.That(stderr, Does.Not.Contain("   at "));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static System.Collections.Generic.IEnumerable<TestCaseData> OfficialMtom() => ReferenceMaterial.Cases("dmp-messages/TD2.1-alimentation.request.xml");

        [TestCaseSource(nameof(OfficialMtom))]
        public async Task The_official_TD21_MTOM_body_is_inspected_in_place(string path)
        {
            JsonElement root = await InspectJsonAsync(path);

            Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("ProvideAndRegisterDocumentSetRequest"));
            Assert.That(root.GetProperty("documentEntries").EnumerateArray().Select(e => e.GetProperty("entryUUID").GetString()), Is.EqualTo(new[] { "DocumentME2", "Signature01" }));
            Assert.That(root.GetProperty("associations").EnumerateArray().Count(a => a.GetProperty("type").GetString() == "urn:ihe:iti:2007:AssociationType:signs"), Is.EqualTo(1));
            Assert.That(root.GetProperty("documents").GetArrayLength(), Is.EqualTo(2));
        }

        [Test]
        public async Task A_SOAP_fault_is_named_as_such()
        {
            string path = Path.Combine(Path.GetTempPath(), "xds-cli-" + Guid.NewGuid().ToString("N") + ".xml");
            File.WriteAllText(path, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang=\"en\">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>");
            try
            {
                var (code, _, stderr) = await RunAsync("xds", "inspect", path);

                Assert.That(code, Is.EqualTo(1));
                Assert.That(stderr, Does.Contain("XDS-SOAP-FAULT"));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Test]
        public async Task A_missing_file_exits_1_and_a_missing_argument_exits_2()
        {
            Assert.That((await RunAsync("xds", "inspect", "/nonexistent/x.xml")).Code, Is.EqualTo(1));
            Assert.That((await RunAsync("xds", "inspect")).Code, Is.EqualTo(2));
        }
    }
}
