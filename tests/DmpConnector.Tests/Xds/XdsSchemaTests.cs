using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    /// <summary>Every message kind the writer produces validates against ebRS 3.0 + XDS.b (tests/TestData/schemas/ebrs30).</summary>
    public class XdsSchemaTests
    {
        private static readonly XdsWriterOptions Inline = new() { InlineContent = _ => new MemoryStream(Encoding.UTF8.GetBytes("<ClinicalDocument/>")) };

        private static IEnumerable<TestCaseData> Messages()
        {
            var pnr = SampleData.XdsProvideAndRegister(3);
            yield return new TestCaseData(pnr with { Documents = new[] { new DocumentAttachment { DocumentId = "Document1" }, new DocumentAttachment { DocumentId = "Document2" }, new DocumentAttachment { DocumentId = "Document3" } } })
                .SetArgDisplayNames("ProvideAndRegisterDocumentSetRequest");
            yield return new TestCaseData(new SubmitObjectsRequest
            {
                Metadata = new XdsMetadata
                {
                    SubmissionSets = new[] { SampleData.XdsSubmissionSet() },
                    Associations = new[] { Association.UpdateStatus("a1", "SubmissionSet01", "urn:uuid:1a2b3c4d-0002-4e5f-8a9b-0c1d2e3f4a5b", XdsAvailabilityStatus.Approved, XdsAvailabilityStatus.Archived) },
                },
            }).SetArgDisplayNames("SubmitObjectsRequest");
            yield return new TestCaseData(StoredQueries.FindDocuments(new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx })).SetArgDisplayNames("AdhocQueryRequest");
            yield return new TestCaseData(SampleData.XdsQueryResponse(3) with
            {
                Metadata = SampleData.XdsQueryResponse(3).Metadata with
                {
                    SubmissionSets = new[] { SampleData.XdsSubmissionSet("urn:uuid:00000000-0000-4000-8000-000000000001") },
                    Folders = new[] { new Folder { Id = "urn:uuid:00000000-0000-4000-8000-000000000002", Title = "Dossier", UniqueId = "1.2.3.4", PatientId = SampleData.XdsPatientCx, Codes = new[] { new DmpConnector.Identity.CodedValue("X", "1.2.3") } } },
                    ObjectRefs = new[] { "urn:uuid:00000000-0000-4000-8000-000000000003" },
                },
            }).SetArgDisplayNames("AdhocQueryResponse");
            yield return new TestCaseData(new RegistryResponse
            {
                Status = XdsResponseStatus.Failure,
                Errors = new[] { new RegistryError { ErrorCode = "XDSRegistryError", CodeContext = "boom", Location = "here" }, new RegistryError { ErrorCode = "XDSExtraMetadataNotSaved", CodeContext = "ignored", Severity = XdsResponseStatus.SeverityWarning } },
            }).SetArgDisplayNames("RegistryResponse");
            yield return new TestCaseData(new RetrieveDocumentSetRequest { Documents = new[] { new DocumentRequest { RepositoryUniqueId = "1.2.3", DocumentUniqueId = "1.2.3.4", HomeCommunityId = "urn:oid:1.2.3.5" } } })
                .SetArgDisplayNames("RetrieveDocumentSetRequest");
            yield return new TestCaseData(new RetrieveDocumentSetResponse
            {
                Response = new RegistryResponse(),
                Documents = new[] { new DocumentResponse { RepositoryUniqueId = "1.2.3", DocumentUniqueId = "1.2.3.4", MimeType = "text/xml" } },
            }).SetArgDisplayNames("RetrieveDocumentSetResponse");
        }

        [TestCaseSource(nameof(Messages))]
        public void Written_messages_are_schema_valid(IXdsMessage message)
        {
            string xml = XdsWriter.WriteToString(message, Inline);

            Assert.That(SampleData.ValidateXds(xml), Is.Empty, xml);
        }

        [Test]
        public void Every_message_kind_is_covered()
        {
            var kinds = new HashSet<XdsMessageKind>();
            foreach (TestCaseData data in Messages())
            {
                kinds.Add(((IXdsMessage)data.Arguments[0]!).Kind);
            }

            Assert.That(kinds, Has.Count.EqualTo(System.Enum.GetValues<XdsMessageKind>().Length));
        }

        [Test]
        public void The_xop_form_is_valid_once_the_attachment_is_resolved()
        {
            string xml = XdsWriter.WriteToString(SampleData.XdsProvideAndRegister(2));
            Assert.That(xml, Does.Contain("<xop:Include href=\"cid:doc1@dmpconnector.test\""));

            string resolved = Regex.Replace(xml, "<xop:Include [^>]*/>", "PENsaW5pY2FsRG9jdW1lbnQvPg==");

            Assert.That(SampleData.ValidateXds(resolved), Is.Empty);
        }

        [Test]
        public void The_validator_rejects_what_ebRIM_forbids()
        {
            // The official TD3.3c/d shape (no classifiedObject) is read leniently but is not schema-valid; the check must see it.
            string xml = File.ReadAllText(SampleData.XdsFixturePath("update-delete.xml"));
            string body = xml.Substring(xml.IndexOf("<ns4:SubmitObjectsRequest", System.StringComparison.Ordinal));
            body = body.Substring(0, body.IndexOf("</soap:Body>", System.StringComparison.Ordinal));

            Assert.That(SampleData.ValidateXds(body), Is.Not.Empty);
        }

        [Test]
        public void Rewriting_the_lenient_shape_makes_it_schema_valid()
        {
            IXdsMessage read = SampleData.ReadXds(SampleData.XdsFixturePath("update-delete.xml"));

            Assert.That(SampleData.ValidateXds(XdsWriter.WriteToString(read)), Is.Empty);
        }
    }
}
