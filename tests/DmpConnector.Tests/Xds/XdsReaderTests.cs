using System.IO;
using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class XdsReaderTests
    {
        private static T Fixture<T>(string name, XdsReaderOptions? options = null)
            where T : class, IXdsMessage => (T)SampleData.ReadXds(SampleData.XdsFixturePath(name), options);

        [Test]
        public void An_ITI41_root_part_in_a_SOAP_11_envelope_is_read_with_every_attribute()
        {
            var pnr = Fixture<ProvideAndRegisterDocumentSetRequest>("pnr-soap11-mtom-root.xml");

            Assert.That(pnr.Metadata.SubmissionSets, Has.Count.EqualTo(1));
            Assert.That(pnr.Metadata.DocumentEntries, Has.Count.EqualTo(2));
            Assert.That(pnr.Metadata.Associations, Has.Count.EqualTo(3));
            SubmissionSet set = pnr.Metadata.SubmissionSets[0];
            DocumentEntry cda = pnr.Metadata.DocumentEntries[0];
            Assert.Multiple(() =>
            {
                Assert.That(set.Id, Is.EqualTo("SubmissionSet01"));
                Assert.That(set.SubmissionTime, Is.EqualTo("20240312101500"));
                Assert.That(set.ContentTypeCode, Is.EqualTo(new CodedValue("04", "1.2.250.1.213.2.2", "Hospitalisation de jour")));
                Assert.That(set.SourceId, Is.EqualTo("1.2.250.1.999.1.1.4242"));
                Assert.That(set.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.4242.1.1710238500"));
                Assert.That(set.PatientId, Does.EndWith("^NH^^20240101"), "CX.7 date kept as sent");
                Assert.That(set.Authors.Single().Person, Is.EqualTo(SampleData.XdsAuthorXcn));
                Assert.That(set.ExtraClassifications, Is.Empty, "the submission-set node is implied by the type");

                Assert.That(cda.Id, Is.EqualTo("DocumentCR1"));
                Assert.That(cda.MimeType, Is.EqualTo("text/xml"));
                Assert.That(cda.Title, Is.EqualTo("Compte rendu de test"));
                Assert.That(cda.Comments, Is.EqualTo("commentaire de test"));
                Assert.That(cda.ClassCode!.Code, Is.EqualTo("10"));
                Assert.That(cda.TypeCode, Is.EqualTo(new CodedValue("11488-4", "2.16.840.1.113883.6.1", "Compte rendu de consultation")));
                Assert.That(cda.FormatCode!.Code, Is.EqualTo("urn:ihe:iti:xds-sd:pdf:2008"));
                Assert.That(cda.HealthcareFacilityTypeCode!.Code, Is.EqualTo("SA07"));
                Assert.That(cda.PracticeSettingCode!.Code, Is.EqualTo("AMBULATOIRE"));
                Assert.That(cda.ConfidentialityCodes.Select(c => c.Code), Is.EqualTo(new[] { "N" }));
                Assert.That(cda.CreationTime, Is.EqualTo("20240312091000"));
                Assert.That(cda.ServiceStartTime, Is.EqualTo("20240312083000"));
                Assert.That(cda.ServiceStopTime, Is.EqualTo("20240312090000"));
                Assert.That(cda.LanguageCode, Is.EqualTo("fr-FR"));
                Assert.That(cda.LegalAuthenticator, Is.EqualTo(SampleData.XdsAuthorXcn));
                Assert.That(cda.SourcePatientId, Does.EndWith("^PI"));
                Assert.That(cda.SourcePatientInfo, Has.Count.EqualTo(3));
                Assert.That(cda.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.4242.3.1710238500"));
                Assert.That(cda.Hash, Is.Null, "TD2.1 sends no hash/size");
                Assert.That(cda.ExtraSlots, Is.Empty);
                Assert.That(cda.ExtraClassifications, Is.Empty);
                Assert.That(cda.ExtraExternalIdentifiers, Is.Empty);
            });
        }

        [Test]
        public void The_signature_document_and_its_signs_association_are_typed()
        {
            var pnr = Fixture<ProvideAndRegisterDocumentSetRequest>("pnr-soap11-mtom-root.xml");
            DocumentEntry signature = pnr.Metadata.DocumentEntries[1];
            Association signs = pnr.Metadata.Associations.Single(a => a.Type == XdsAssociationTypes.Signs);

            Assert.Multiple(() =>
            {
                Assert.That(signature.ClassCode!.Code, Is.EqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1"));
                Assert.That(signature.ClassCode.CodeSystem, Is.EqualTo("URN"));
                Assert.That(signature.TypeCode!.Code, Is.EqualTo("E1762"));
                Assert.That(signature.FormatCode!.Code, Is.EqualTo("http://www.w3.org/2000/09/xmldsig#"));
                Assert.That(signature.ConfidentialityCodes.Select(c => c.Code), Is.EqualTo(new[] { "N", "MASQUE_PS", "INVISIBLE_PATIENT" }));
                Assert.That(signature.EventCodes.Single().Code, Is.EqualTo("1.2.840.10065.1.12.1.14"));
                Assert.That(signature.LanguageCode, Is.EqualTo("art"));
                Assert.That(signs.SourceObject, Is.EqualTo("Signature01"));
                Assert.That(signs.TargetObject, Is.EqualTo("SubmissionSet01"));
                Assert.That(pnr.Metadata.Associations.Where(a => a.Type == XdsAssociationTypes.HasMember).Select(a => a.SubmissionSetStatus), Is.All.EqualTo("Original"));
            });
        }

        [Test]
        public void Documents_are_attachment_references_matched_to_entries_even_when_the_id_case_differs()
        {
            var pnr = Fixture<ProvideAndRegisterDocumentSetRequest>("pnr-soap11-mtom-root.xml");

            Assert.That(pnr.Documents.Select(d => d.ContentId), Is.EqualTo(new[] { "test-cr1.xml", "test-signature.xml" }));
            Assert.That(pnr.Documents.All(d => !d.IsInline));
            Assert.That(pnr.FindAttachment(pnr.Metadata.DocumentEntries[0])!.ContentId, Is.EqualTo("test-cr1.xml"), "Document id=documentCR1 belongs to DocumentCR1");
            Assert.That(pnr.FindAttachment(pnr.Metadata.DocumentEntries[1])!.ContentId, Is.EqualTo("test-signature.xml"));
        }

        [Test]
        public void A_query_response_keeps_registry_attributes_and_unknown_metadata()
        {
            var response = Fixture<AdhocQueryResponse>("find-documents-response.xml");
            DocumentEntry first = response.Metadata.DocumentEntries[0];
            DocumentEntry second = response.Metadata.DocumentEntries[1];

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(XdsResponseStatus.Success));
                Assert.That(response.TotalResultCount, Is.EqualTo(2));
                Assert.That(first.Id, Is.EqualTo("urn:uuid:1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b"));
                Assert.That(first.LogicalId, Is.EqualTo(first.Id));
                Assert.That(first.Version, Is.EqualTo("1"));
                Assert.That(first.IsOpaque, Is.False);
                Assert.That(first.AvailabilityStatus, Is.EqualTo(XdsAvailabilityStatus.Approved));
                Assert.That(second.AvailabilityStatus, Is.EqualTo(XdsAvailabilityStatus.Archived), "the CI-SIS status is kept");
                Assert.That(first.Hash, Is.EqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709"));
                Assert.That(first.Size, Is.EqualTo(0));
                Assert.That(first.RepositoryUniqueId, Is.EqualTo("1.2.250.1.999.1.1.4242.9"));
                Assert.That(first.Authors.Single().Institutions.Single(), Is.EqualTo(SampleData.XdsInstitutionXon));
                Assert.That(first.ExtraSlots.Single(), Is.EqualTo(new Slot("urn:example:unknownSlot", "kept-1", "kept-2")));
                Assert.That(first.ExtraClassifications.Single().NodeRepresentation, Is.EqualTo("X1"));
                Assert.That(first.ExtraExternalIdentifiers.Single().Value, Is.EqualTo("unknown-id-kept"));
            });
        }

        [Test]
        public void A_query_request_keeps_its_parameters_verbatim()
        {
            var request = Fixture<AdhocQueryRequest>("find-documents-request.xml");

            Assert.That(request.QueryId, Is.EqualTo(StoredQueryIds.FindDocuments));
            Assert.That(request.ReturnType, Is.EqualTo("LeafClass"));
            Assert.That(request.ReturnComposedObjects, Is.True);
            Assert.That(request.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "$XDSDocumentEntryPatientId", "$XDSDocumentEntryStatus" }));
            Assert.That(StoredQueryValue.Unquote(request.Parameters[0].Values[0]).Single(), Is.EqualTo(SampleData.XdsPatientCx));
        }

        [Test]
        public void A_delete_request_with_the_official_schema_deviations_is_read_leniently()
        {
            var update = Fixture<SubmitObjectsRequest>("update-delete.xml");
            Association a = update.Metadata.Associations.Single();

            Assert.That(update.Metadata.SubmissionSets.Single().Authors.Single().Person, Is.EqualTo(SampleData.XdsAuthorXcn));
            Assert.That(update.Metadata.SubmissionSets.Single().SourceId, Is.EqualTo("1.2.250.1.999.1.1.4242"));
            Assert.That(a.Type, Is.EqualTo(XdsAssociationTypes.UpdateAvailabilityStatus));
            Assert.That(a.OriginalStatus, Is.EqualTo(XdsAvailabilityStatus.Archived));
            Assert.That(a.NewStatus, Is.EqualTo(XdsAvailabilityStatus.Deleted));
            Assert.That(a.TargetObject, Does.StartWith("urn:uuid:"));
        }

        [Test]
        public void A_retrieve_response_decodes_the_url_encoded_content_id()
        {
            var response = Fixture<RetrieveDocumentSetResponse>("retrieve-response.xml");

            DocumentResponse d = response.Documents.Single();
            Assert.That(response.Response.IsSuccess, Is.True);
            Assert.That(d.MimeType, Is.EqualTo("text/xml"));
            Assert.That(d.Document.ContentId, Is.EqualTo("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-2@urn:ihe:iti:xds-b:2007"));
            Assert.That(XopReference.ToHref(d.Document.ContentId!), Is.EqualTo("cid:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0-2@urn%3Aihe%3Aiti%3Axds-b%3A2007"));
        }

        [Test]
        public void Inline_base64_is_decoded_into_the_callers_stream()
        {
            using var sink = new MemoryStream();
            var options = new XdsReaderOptions { InlineDocumentSink = _ => sink };
            var response = Fixture<RetrieveDocumentSetResponse>("retrieve-response-inline.xml", options);

            Assert.That(System.Text.Encoding.UTF8.GetString(sink.ToArray()), Is.EqualTo("Hello from an inline document."));
            Assert.That(response.Documents.Single().Document.IsInline, Is.True);
            Assert.That(response.Documents.Single().Document.InlineLength, Is.EqualTo(30));
        }

        [Test]
        public void Inline_base64_without_a_sink_is_counted_not_kept()
        {
            var response = Fixture<RetrieveDocumentSetResponse>("retrieve-response-inline.xml");

            Assert.That(response.Documents.Single().Document.InlineLength, Is.EqualTo(30));
        }

        [Test]
        public void A_registry_response_lists_its_errors_and_warnings()
        {
            var response = Fixture<RegistryResponse>("registry-response-failure.xml");

            Assert.That(response.IsSuccess, Is.False);
            Assert.That(response.Errors.Select(e => e.ErrorCode), Is.EqualTo(new[] { "XDSPatientIdDoesNotMatch", "XDSExtraMetadataNotSaved" }));
            Assert.That(response.Errors[0].Location, Is.EqualTo("DocumentCR1"));
            Assert.That(response.Errors[1].IsWarning, Is.True);
        }

        [Test]
        public void The_same_message_is_read_bare_and_in_either_SOAP_envelope()
        {
            string bare = File.ReadAllText(SampleData.XdsFixturePath("retrieve-response-inline.xml"));
            string soap11 = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Header><x xmlns='urn:x'/></s:Header><s:Body>" + bare + "</s:Body></s:Envelope>";
            string soap12 = "<?xml version='1.0'?>\n<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>" + bare + "</s:Body></s:Envelope>";

            IXdsMessage a = XdsReader.ReadString(bare);
            Assert.That(XdsReader.ReadString(soap11), Is.EqualTo(a));
            Assert.That(XdsReader.ReadString(soap12), Is.EqualTo(a));
        }

        [TestCaseSource(typeof(SampleData), nameof(SampleData.XdsFixtures))]
        public void Every_fixture_is_read(string name)
        {
            Assert.That(SampleData.ReadXds(SampleData.XdsFixturePath(name)), Is.Not.Null);
        }

        private static System.Collections.Generic.IEnumerable<TestCaseData> Official() => ReferenceMaterial.Cases(SampleData.OfficialXdsMessages);

        [TestCaseSource(nameof(Official))]
        public void Every_official_XDS_message_is_read(string path)
        {
            IXdsMessage message = SampleData.ReadXds(path);

            Assert.That(message, Is.Not.Null);
        }

        [Test]
        public void The_official_TD31_response_has_its_21_entries_with_the_values_the_spec_quotes()
        {
            string? path = ReferenceMaterial.Find("dmp-messages/TD3.1-recherche-documents.response.xml");
            if (path is null)
            {
                Assert.That(ReferenceMaterial.IsAvailable, Is.False);
                return;
            }

            var response = (AdhocQueryResponse)SampleData.ReadXds(path);
            DocumentEntry first = response.Metadata.DocumentEntries[0];
            Assert.That(response.Metadata.DocumentEntries, Has.Count.EqualTo(21));
            Assert.That(response.TotalResultCount, Is.EqualTo(21));
            Assert.That(first.Hash, Is.EqualTo("af326fb44feb720121d2c277ce10f87407818089"));
            Assert.That(first.Size, Is.EqualTo(2768));
            Assert.That(first.RepositoryUniqueId, Is.EqualTo("1.2.250.1.213.4.1.1.1.2"));
            Assert.That(first.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.7898.1.995657292"));
            Assert.That(response.Metadata.DocumentEntries.All(d => d.ExtraClassifications.Count == 0 && d.ExtraSlots.Count == 0), "every official attribute is typed");
        }
    }
}
