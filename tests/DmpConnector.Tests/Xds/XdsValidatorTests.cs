using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DmpConnector.Diagnostics;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class XdsValidatorTests
    {
        private static IEnumerable<TestCaseData> Official() => ReferenceMaterial.Cases(SampleData.OfficialXdsMessages);

        private static ProvideAndRegisterDocumentSetRequest Pnr => SampleData.XdsProvideAndRegister(2);

        private static ProvideAndRegisterDocumentSetRequest SignedFixture =>
            (ProvideAndRegisterDocumentSetRequest)SampleData.ReadXds(SampleData.XdsFixturePath("pnr-soap11-mtom-root.xml"));

        private static ProvideAndRegisterDocumentSetRequest WithEntry(ProvideAndRegisterDocumentSetRequest pnr, int index, Func<DocumentEntry, DocumentEntry> change) =>
            pnr with { Metadata = pnr.Metadata with { DocumentEntries = pnr.Metadata.DocumentEntries.Select((e, i) => i == index ? change(e) : e).ToArray() } };

        private static ProvideAndRegisterDocumentSetRequest WithSet(ProvideAndRegisterDocumentSetRequest pnr, Func<SubmissionSet, SubmissionSet> change) =>
            pnr with { Metadata = pnr.Metadata with { SubmissionSets = pnr.Metadata.SubmissionSets.Select(change).ToArray() } };

        private static XdsValidationIssue[] Errors(IXdsMessage message, XdsValidationProfile profile = XdsValidationProfile.Dmp, XdsValidationOptions? options = null) =>
            XdsValidator.Validate(message, profile, options).Where(i => i.Severity == XdsIssueSeverity.Error).ToArray();

        private static XdsValidationIssue Single(IXdsMessage message, string rule, XdsValidationProfile profile = XdsValidationProfile.Dmp)
        {
            XdsValidationIssue[] errors = Errors(message, profile);
            Assert.That(errors.Select(e => e.Rule), Is.EqualTo(new[] { rule }), string.Join("\n", errors.Select(e => e.ToString())));
            return errors[0];
        }

        [TestCase(XdsValidationProfile.Xds)]
        [TestCase(XdsValidationProfile.Dmp)]
        public void Our_generated_submission_and_query_response_have_no_errors(XdsValidationProfile profile)
        {
            Assert.That(Errors(Pnr, profile), Is.Empty);
            Assert.That(Errors(SampleData.XdsQueryResponse(3), profile), Is.Empty);
            Assert.That(Errors(SignedFixture, profile), Is.Empty);
        }

        [TestCaseSource(nameof(Official))]
        public void The_official_messages_pass_the_DMP_profile(string path)
        {
            Assert.That(Errors(SampleData.ReadXds(path)), Is.Empty);
        }

        [Test]
        public void Required_if_known_attributes_are_warnings_not_errors()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => e with { ServiceStopTime = null });

            IReadOnlyList<XdsValidationIssue> issues = XdsValidator.Validate(pnr, XdsValidationProfile.Dmp);

            XdsValidationIssue stop = issues.Single(i => i.Attribute == "serviceStopTime");
            Assert.That(stop.Severity, Is.EqualTo(XdsIssueSeverity.Warning));
            Assert.That(stop.Rule, Is.EqualTo(XdsValidationRules.RequiredIfKnown));
            Assert.DoesNotThrow(() => XdsValidator.EnsureValid(pnr, XdsValidationProfile.Dmp));
        }

        [TestCase("classCode")]
        [TestCase("typeCode")]
        [TestCase("formatCode")]
        [TestCase("healthcareFacilityTypeCode")]
        [TestCase("practiceSettingCode")]
        [TestCase("uniqueId")]
        [TestCase("mimeType")]
        [TestCase("creationTime")]
        [TestCase("languageCode")]
        [TestCase("sourcePatientId")]
        public void A_missing_required_document_attribute_is_an_error_in_both_profiles(string attribute)
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => attribute switch
            {
                "classCode" => e with { ClassCode = null },
                "typeCode" => e with { TypeCode = null },
                "formatCode" => e with { FormatCode = null },
                "healthcareFacilityTypeCode" => e with { HealthcareFacilityTypeCode = null },
                "practiceSettingCode" => e with { PracticeSettingCode = null },
                "uniqueId" => e with { UniqueId = null },
                "mimeType" => e with { MimeType = null },
                "creationTime" => e with { CreationTime = null },
                "languageCode" => e with { LanguageCode = null },
                _ => e with { SourcePatientId = null },
            });

            foreach (XdsValidationProfile profile in new[] { XdsValidationProfile.Xds, XdsValidationProfile.Dmp })
            {
                XdsValidationIssue issue = Single(pnr, XdsValidationRules.Required, profile);
                Assert.That(issue.Attribute, Is.EqualTo(attribute));
                Assert.That(issue.ObjectId, Is.EqualTo("Document1"));
            }
        }

        [Test]
        public void The_DMP_requires_title_legal_authenticator_and_service_start_time_that_XDS_leaves_optional()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 1, e => e with { Title = null, LegalAuthenticator = null, ServiceStartTime = null });

            Assert.That(Errors(pnr, XdsValidationProfile.Xds), Is.Empty);
            Assert.That(Errors(pnr).Select(i => i.Attribute), Is.EquivalentTo(new[] { "title", "legalAuthenticator", "serviceStartTime" }));
        }

        [Test]
        public void The_submission_set_needs_its_attributes_and_an_author_person_in_the_DMP()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithSet(Pnr, s => s with { SourceId = null, ContentTypeCode = null, Authors = EquatableList<Author>.Empty });

            Assert.That(Errors(pnr, XdsValidationProfile.Xds).Select(i => i.Attribute), Is.EquivalentTo(new[] { "sourceId", "contentTypeCode" }));
            Assert.That(Errors(pnr).Select(i => i.Attribute), Is.EquivalentTo(new[] { "sourceId", "contentTypeCode", "authorPerson" }));
        }

        [TestCase("1.2.250.01.5", XdsValidationRules.OidFormat)]
        [TestCase("urn:oid:1.2.3", XdsValidationRules.OidFormat)]
        public void Non_OID_unique_ids_are_refused(string uniqueId, string rule)
        {
            XdsValidationIssue issue = Single(WithEntry(Pnr, 0, e => e with { UniqueId = uniqueId }), rule);
            Assert.That(issue.Value, Is.EqualTo(uniqueId));
        }

        [Test]
        public void A_document_uniqueId_may_carry_an_extension()
        {
            Assert.That(Errors(WithEntry(Pnr, 0, e => e with { UniqueId = "1.2.250.1.999.1^ABC-123" })), Is.Empty);
        }

        [TestCase("2024031209100", XdsValidationRules.DtmFormat)]
        [TestCase("2024-03-12", XdsValidationRules.TimeUtc)]
        [TestCase("20240312091000+0100", XdsValidationRules.TimeUtc)]
        [TestCase("20241312091000", XdsValidationRules.DtmFormat)]
        public void Times_must_be_UTC_DTM(string time, string rule)
        {
            XdsValidationIssue issue = Single(WithEntry(Pnr, 0, e => e with { CreationTime = time }), rule);
            Assert.That(issue.Attribute, Is.EqualTo("creationTime"));
        }

        [Test]
        public void A_creation_time_in_the_future_is_reported_as_a_probable_local_time()
        {
            var now = new DateTimeOffset(2024, 3, 12, 9, 30, 0, TimeSpan.Zero);
            var options = new XdsValidationOptions { Now = now };
            // 10:30 Paris (UTC+1) copied as is: one hour ahead of the UTC clock.
            ProvideAndRegisterDocumentSetRequest local = WithEntry(Pnr, 0, e => e with { CreationTime = "20240312103000" });
            ProvideAndRegisterDocumentSetRequest utc = WithEntry(Pnr, 0, e => e with { CreationTime = "20240312093000" });

            XdsValidationIssue issue = XdsValidator.Validate(local, XdsValidationProfile.Dmp, options).Single(i => i.Attribute == "creationTime");

            Assert.That(issue.Rule, Is.EqualTo(XdsValidationRules.TimeUtc));
            Assert.That(issue.Severity, Is.EqualTo(XdsIssueSeverity.Warning));
            Assert.That(XdsValidator.Validate(utc, XdsValidationProfile.Dmp, options).Where(i => i.Attribute == "creationTime"), Is.Empty);
        }

        [Test]
        public void Service_start_after_stop_is_an_error()
        {
            Single(WithEntry(Pnr, 0, e => e with { ServiceStartTime = "20240312100000", ServiceStopTime = "20240312090000" }), XdsValidationRules.TimeOrder);
        }

        [Test]
        public void A_malformed_patient_id_is_reported_with_its_value_redacted()
        {
            const string ins = "277076322082910";
            ProvideAndRegisterDocumentSetRequest pnr = WithSet(WithEntry(Pnr, 0, e => e with { PatientId = ins + "^^^1.2.250.1.213.1.4.10^NH" }), s => s);

            XdsValidationIssue issue = Errors(pnr).First(i => i.Attribute == "patientId");

            Assert.That(issue.Rule, Is.EqualTo(XdsValidationRules.CxFormat));
            Assert.That(issue.IsValueRedacted, Is.True);
            Assert.That(issue.Value, Is.Null);
            var ex = Assert.Throws<XdsValidationException>(() => XdsValidator.EnsureValid(pnr, XdsValidationProfile.Dmp));
            Assert.That(ex!.Message, Does.Not.Contain(ins));
            Assert.That(ex.Issues.Select(i => i.ToString()), Has.None.Contains(ins));
        }

        [Test]
        public void The_DMP_wants_the_INS_as_patient_id_while_XDS_accepts_any_CX()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithSet(WithEntry(Pnr, 0, e => e with { PatientId = "IPP1^^^&1.2.250.1.999.2&ISO^PI" }), s => s with { PatientId = "IPP1^^^&1.2.250.1.999.2&ISO^PI" });
            pnr = WithEntry(pnr, 1, e => e with { PatientId = "IPP1^^^&1.2.250.1.999.2&ISO^PI" });

            Assert.That(Errors(pnr, XdsValidationProfile.Xds), Is.Empty);
            Assert.That(Errors(pnr).Select(i => i.Rule).Distinct(), Is.EqualTo(new[] { XdsValidationRules.CxFormat }));
        }

        [Test]
        public void An_entry_for_another_patient_than_its_submission_set_is_refused()
        {
            // A different INS, well-formed: the mix-up of two patients the validator must catch before sending.
            XdsValidationIssue issue = Single(WithEntry(Pnr, 1, e => e with { PatientId = "177076322082950^^^&1.2.250.1.213.1.4.10&ISO^NH" }), XdsValidationRules.PatientMismatch);
            Assert.That(issue.IsValueRedacted, Is.True);
        }

        [Test]
        public void A_CX7_date_on_one_side_is_not_a_patient_mismatch()
        {
            Assert.That(Errors(WithEntry(Pnr, 0, e => e with { PatientId = SampleData.XdsPatientCx + "^^20100907" })), Is.Empty);
        }

        [Test]
        public void Malformed_author_person_institution_and_specialty_are_reported()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => e with
            {
                Authors = new[]
                {
                    new Author { Person = "899700012345^TESTEUR^PAUL", Institutions = new[] { "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^4997" }, Specialties = new[] { "^no code^1.2.3" } },
                },
            });

            Assert.That(Errors(pnr).Select(i => i.Rule), Is.EquivalentTo(new[] { XdsValidationRules.XcnFormat, XdsValidationRules.XonFormat, XdsValidationRules.CodeFormat }));
        }

        [Test]
        public void A_code_outside_a_complete_value_set_is_an_error_and_outside_a_partial_one_a_warning()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => e with
            {
                PracticeSettingCode = new CodedValue("NOUVEAU", "1.2.250.1.213.1.1.4.9"),
                ClassCode = new CodedValue("99", "1.2.250.1.213.1.1.4.1"),
            });

            IReadOnlyList<XdsValidationIssue> issues = XdsValidator.Validate(pnr, XdsValidationProfile.Dmp).Where(i => i.Rule == XdsValidationRules.CodeUnknown).ToArray();

            Assert.That(issues.Single(i => i.Attribute == "practiceSettingCode").Severity, Is.EqualTo(XdsIssueSeverity.Error));
            Assert.That(issues.Single(i => i.Attribute == "classCode").Severity, Is.EqualTo(XdsIssueSeverity.Warning));
            Assert.That(Errors(pnr, XdsValidationProfile.Xds), Is.Empty, "XDS.b does not know the DMP value sets");
        }

        [Test]
        public void A_caller_extended_value_set_accepts_a_newer_code()
        {
            var newer = new CodedValue("NOUVEAU", "1.2.250.1.213.1.1.4.9", "Nouveau cadre");
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => e with { PracticeSettingCode = newer });
            var options = new XdsValidationOptions { ValueSets = XdsValueSets.Dmp.Extend(XdsCodedField.PracticeSettingCode, new[] { newer }) };

            Assert.That(Errors(pnr, XdsValidationProfile.Dmp, options), Is.Empty);
        }

        [Test]
        public void A_code_without_its_coding_scheme_is_an_error()
        {
            XdsValidationIssue issue = Single(WithEntry(Pnr, 0, e => e with { TypeCode = new CodedValue("11488-4", string.Empty) }), XdsValidationRules.CodeFormat);
            Assert.That(issue.Attribute, Is.EqualTo("typeCode"));
        }

        [Test]
        public void More_than_four_confidentiality_codes_are_refused_by_the_DMP()
        {
            var n = new CodedValue("N", "2.16.840.1.113883.5.25");
            var codes = new[] { n, new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13"), new CodedValue("INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13"), new CodedValue("INVISIBLE_REPRESENTANTS_LEGAUX", "1.2.250.1.213.1.1.4.13"), n };

            Single(WithEntry(Pnr, 0, e => e with { ConfidentialityCodes = codes }), XdsValidationRules.Cardinality);
            Assert.That(Single(WithEntry(Pnr, 0, e => e with { ConfidentialityCodes = EquatableList<CodedValue>.Empty }), XdsValidationRules.Required).Attribute, Is.EqualTo("confidentialityCode"));
        }

        [Test]
        public void Duplicate_ids_and_unique_ids_are_refused()
        {
            Assert.That(Single(WithEntry(Pnr, 1, e => e with { UniqueId = Pnr.Metadata.DocumentEntries[0].UniqueId }), XdsValidationRules.DuplicateId).Attribute, Is.EqualTo("uniqueId"));

            ProvideAndRegisterDocumentSetRequest sameId = WithEntry(Pnr, 1, e => e with { Id = "Document1" });
            Assert.That(Errors(sameId).Select(i => i.Rule), Does.Contain(XdsValidationRules.DuplicateId));
        }

        [TestCase("urn:uuid:not-a-uuid")]
        [TestCase("Document 1")]
        public void Malformed_ids_are_refused(string id)
        {
            ProvideAndRegisterDocumentSetRequest pnr = Pnr;
            pnr = pnr with
            {
                Metadata = pnr.Metadata with
                {
                    DocumentEntries = pnr.Metadata.DocumentEntries.Select((e, i) => i == 0 ? e with { Id = id } : e).ToArray(),
                    Associations = pnr.Metadata.Associations.Select((a, i) => i == 0 ? a with { TargetObject = id } : a).ToArray(),
                },
                Documents = pnr.Documents.Select((d, i) => i == 0 ? d with { DocumentId = id } : d).ToArray(),
            };

            Assert.That(Errors(pnr).Select(i => i.Rule), Does.Contain(XdsValidationRules.UuidFormat));
        }

        [Test]
        public void An_association_to_an_absent_symbolic_id_is_refused_but_a_registry_entryUUID_is_accepted()
        {
            ProvideAndRegisterDocumentSetRequest pnr = Pnr;
            Association replace = new() { Id = "rplc1", Type = XdsAssociationTypes.Replace, SourceObject = "Document1", TargetObject = "DocumentGone" };
            ProvideAndRegisterDocumentSetRequest bad = pnr with { Metadata = pnr.Metadata with { Associations = pnr.Metadata.Associations.Add(replace) } };
            ProvideAndRegisterDocumentSetRequest good = pnr with { Metadata = pnr.Metadata with { Associations = pnr.Metadata.Associations.Add(replace with { TargetObject = XdsIds.NewEntryUuid() }) } };

            Assert.That(Single(bad, XdsValidationRules.AssociationTarget).Value, Is.EqualTo("DocumentGone"));
            Assert.That(Errors(good), Is.Empty);
        }

        [Test]
        public void An_entry_outside_the_submission_set_or_without_its_document_breaks_the_submission_shape()
        {
            ProvideAndRegisterDocumentSetRequest pnr = Pnr;
            ProvideAndRegisterDocumentSetRequest noMember = pnr with { Metadata = pnr.Metadata with { Associations = pnr.Metadata.Associations.Take(1).ToArray() } };
            ProvideAndRegisterDocumentSetRequest noDocument = pnr with { Documents = pnr.Documents.Take(1).ToArray() };
            ProvideAndRegisterDocumentSetRequest noSet = pnr with { Metadata = pnr.Metadata with { SubmissionSets = EquatableList<SubmissionSet>.Empty } };

            Assert.That(Single(noMember, XdsValidationRules.SubmissionShape).ObjectId, Is.EqualTo("Document2"));
            Assert.That(Single(noDocument, XdsValidationRules.SubmissionShape).Attribute, Is.EqualTo("Document"));
            Assert.That(Errors(noSet).Select(i => i.Rule), Does.Contain(XdsValidationRules.SubmissionShape));
        }

        [Test]
        public void Hash_and_size_are_checked_against_the_documents_bytes_when_given()
        {
            byte[] bytes = SampleData.Utf8("<ClinicalDocument/>");
            XdsDocumentDigest digest = XdsDocumentDigest.Compute(new MemoryStream(bytes));
#pragma warning disable CA5350
            Assert.That(digest.Hash, Is.EqualTo(Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(bytes)).ToLowerInvariant()));
#pragma warning restore CA5350
            Assert.That(digest.Size, Is.EqualTo(bytes.Length));
            var options = new XdsValidationOptions { DocumentDigests = new Dictionary<string, XdsDocumentDigest> { ["Document1"] = digest } };

            ProvideAndRegisterDocumentSetRequest right = WithEntry(Pnr, 0, e => e with { Hash = digest.Hash, Size = digest.Size });
            ProvideAndRegisterDocumentSetRequest wrong = WithEntry(Pnr, 0, e => e with { Hash = "da39a3ee5e6b4b0d3255bfef95601890afd80709", Size = digest.Size + 1 });

            Assert.That(Errors(right, XdsValidationProfile.Dmp, options), Is.Empty);
            Assert.That(Errors(wrong, XdsValidationProfile.Dmp, options).Select(i => (i.Rule, i.Attribute)), Is.EquivalentTo(new[] { (XdsValidationRules.HashMismatch, "hash"), (XdsValidationRules.HashMismatch, "size") }));
            Assert.That(Single(WithEntry(Pnr, 0, e => e with { Hash = "xyz" }), XdsValidationRules.ValueFormat).Attribute, Is.EqualTo("hash"));
        }

        [Test]
        public void A_query_response_entry_needs_what_the_registry_sets()
        {
            AdhocQueryResponse response = SampleData.XdsQueryResponse(1);
            response = response with { Metadata = response.Metadata with { DocumentEntries = new[] { response.Metadata.DocumentEntries[0] with { Hash = null, RepositoryUniqueId = null } } } };

            Assert.That(Errors(response, XdsValidationProfile.Xds).Select(i => i.Attribute), Is.EquivalentTo(new[] { "hash", "repositoryUniqueId" }));
        }

        [TestCase("languageCode")]
        [TestCase("typeCode")]
        [TestCase("confidentialityCode")]
        [TestCase("signs")]
        public void The_signature_document_must_have_the_DMP_shape(string broken)
        {
            ProvideAndRegisterDocumentSetRequest pnr = SignedFixture;
            int index = pnr.Metadata.DocumentEntries.ToList().FindIndex(e => e.Id == "Signature01");
            pnr = broken switch
            {
                "languageCode" => WithEntry(pnr, index, e => e with { LanguageCode = "fr-FR" }),
                "typeCode" => WithEntry(pnr, index, e => e with { TypeCode = new CodedValue("11488-4", "2.16.840.1.113883.6.1") }),
                "confidentialityCode" => WithEntry(pnr, index, e => e with { ConfidentialityCodes = new[] { new CodedValue("N", "2.16.840.1.113883.5.25") } }),
                _ => pnr with { Metadata = pnr.Metadata with { Associations = pnr.Metadata.Associations.Where(a => a.Type != XdsAssociationTypes.Signs).ToArray() } },
            };

            XdsValidationIssue issue = Single(pnr, XdsValidationRules.SignatureShape);
            Assert.That(issue.Attribute, Is.EqualTo(broken));
            Assert.That(Errors(pnr, XdsValidationProfile.Xds), Is.Empty, "the signature document's shape is a DMP rule");
        }

        [Test]
        public void An_update_needs_valid_statuses_and_an_entryUUID_target()
        {
            var update = (SubmitObjectsRequest)SampleData.ReadXds(SampleData.XdsFixturePath("update-delete.xml"));
            Assert.That(Errors(update), Is.Empty);
            Association status = update.Metadata.Associations.Single(a => a.Type == XdsAssociationTypes.UpdateAvailabilityStatus);
            SubmitObjectsRequest bad = update with
            {
                Metadata = update.Metadata with { Associations = new[] { status with { TargetObject = "DocumentCR1", NewStatus = "Gone" } } },
            };

            Assert.That(Errors(bad).Select(i => (i.Rule, i.Attribute)), Is.EquivalentTo(new[]
            {
                (XdsValidationRules.UuidFormat, "targetObject"),
                (XdsValidationRules.ValueFormat, "NewStatus"),
                (XdsValidationRules.AssociationTarget, "targetObject"),
            }));
        }

        [Test]
        public void A_DMP_query_must_ask_for_Approved()
        {
            AdhocQueryRequest query = StoredQueries.FindDocuments(new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx });
            Assert.That(Errors(query), Is.Empty);
            AdhocQueryRequest withoutApproved = query with
            {
                Parameters = query.Parameters.Select(p => p.Name == "$XDSDocumentEntryStatus" ? new QueryParameter(p.Name, "('urn:asip:ci-sis:2010:StatusType:Archived')") : p).ToArray(),
            };

            Assert.That(Single(withoutApproved, XdsValidationRules.Required).Attribute, Is.EqualTo("$XDSDocumentEntryStatus"));
            Assert.That(Errors(withoutApproved, XdsValidationProfile.Xds), Is.Empty);
        }

        [Test]
        public void A_retrieve_by_entryUUID_instead_of_uniqueId_is_refused()
        {
            var retrieve = new RetrieveDocumentSetRequest
            {
                Documents = new[] { new DocumentRequest { RepositoryUniqueId = "1.2.250.1.999.9", DocumentUniqueId = "urn:uuid:1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b" } },
            };

            Assert.That(Single(retrieve, XdsValidationRules.OidFormat).Attribute, Is.EqualTo("DocumentUniqueId"));
            Assert.That(Single(new RetrieveDocumentSetRequest(), XdsValidationRules.Cardinality).Attribute, Is.EqualTo("DocumentRequest"));
        }

        [Test]
        public void EnsureValid_throws_one_exception_listing_every_issue()
        {
            ProvideAndRegisterDocumentSetRequest pnr = WithEntry(Pnr, 0, e => e with { ClassCode = null, MimeType = "pdf" });

            var ex = Assert.Throws<XdsValidationException>(() => XdsValidator.EnsureValid(pnr, XdsValidationProfile.Dmp));

            Assert.That(ex!.Rule, Is.EqualTo(XdsRules.Validation));
            Assert.That(ex.Profile, Is.EqualTo("DMP"));
            Assert.That(ex.Issues.Where(i => i.Severity == XdsIssueSeverity.Error).Select(i => i.Attribute), Is.EquivalentTo(new[] { "classCode", "mimeType" }));
            Assert.That(ex, Is.InstanceOf<DmpInputException>());
            Assert.That(ex.Message, Does.Contain("classCode"));
        }
    }
}
