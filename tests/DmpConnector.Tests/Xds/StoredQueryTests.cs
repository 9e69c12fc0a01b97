using System;
using System.Collections.Generic;
using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class StoredQueryTests
    {
        private const string Approved = "urn:oasis:names:tc:ebxml-regrep:StatusType:Approved";
        private static readonly CodedValue Cr = new("10", "1.2.250.1.213.1.1.4.1", "Compte rendu");
        private static readonly CodedValue Synthese = new("11", "1.2.250.1.213.1.1.4.1");

        private static Dictionary<string, string[]> ByName(AdhocQueryRequest request) =>
            request.Parameters.ToDictionary(p => p.Name, p => p.Values.ToArray());

        [Test]
        public void FindDocuments_writes_every_parameter_with_its_ITI18_name_and_syntax()
        {
            var time = new DateTimeOffset(2024, 3, 12, 10, 0, 0, TimeSpan.FromHours(1));
            var query = new FindDocumentsQuery
            {
                PatientId = SampleData.XdsPatientCx,
                ClassCodes = new[] { Cr, Synthese },
                TypeCodes = new[] { new CodedValue("11488-4", "2.16.840.1.113883.6.1") },
                PracticeSettingCodes = new[] { new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9") },
                HealthcareFacilityTypeCodes = new[] { new CodedValue("SA07", "1.2.250.1.71.4.2.4") },
                FormatCodes = new[] { new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3") },
                EventCodes = new[] { (EquatableList<CodedValue>)new[] { new CodedValue("BACA008", "1.2.250.1.213.2.5") } },
                ConfidentialityCodes = new[] { (EquatableList<CodedValue>)new[] { new CodedValue("N", "2.16.840.1.113883.5.25") } },
                CreationTimeFrom = time,
                CreationTimeTo = time.AddDays(1),
                ServiceStartTimeFrom = time,
                ServiceStartTimeTo = time.AddDays(2),
                ServiceStopTimeFrom = time,
                ServiceStopTimeTo = time.AddDays(3),
                AuthorPersons = new[] { "899700012345%" },
            };

            Dictionary<string, string[]> p = ByName(StoredQueries.FindDocuments(query));

            Assert.That(p["$XDSDocumentEntryPatientId"], Is.EqualTo(new[] { "'" + SampleData.XdsPatientCx + "'" }));
            Assert.That(p["$XDSDocumentEntryClassCode"], Is.EqualTo(new[] { "('10^^1.2.250.1.213.1.1.4.1','11^^1.2.250.1.213.1.1.4.1')" }));
            Assert.That(p["$XDSDocumentEntryTypeCode"], Is.EqualTo(new[] { "('11488-4^^2.16.840.1.113883.6.1')" }));
            Assert.That(p["$XDSDocumentEntryPracticeSettingCode"], Is.EqualTo(new[] { "('AMBULATOIRE^^1.2.250.1.213.1.1.4.9')" }));
            Assert.That(p["$XDSDocumentEntryHealthcareFacilityTypeCode"], Is.EqualTo(new[] { "('SA07^^1.2.250.1.71.4.2.4')" }));
            Assert.That(p["$XDSDocumentEntryFormatCode"], Is.EqualTo(new[] { "('urn:ihe:iti:xds-sd:pdf:2008^^1.3.6.1.4.1.19376.1.2.3')" }));
            Assert.That(p["$XDSDocumentEntryEventCodeList"], Is.EqualTo(new[] { "('BACA008^^1.2.250.1.213.2.5')" }));
            Assert.That(p["$XDSDocumentEntryConfidentialityCode"], Is.EqualTo(new[] { "('N^^2.16.840.1.113883.5.25')" }));
            Assert.That(p["$XDSDocumentEntryCreationTimeFrom"], Is.EqualTo(new[] { "20240312090000" }), "times are converted to UTC");
            Assert.That(p["$XDSDocumentEntryCreationTimeTo"], Is.EqualTo(new[] { "20240313090000" }));
            Assert.That(p["$XDSDocumentEntryServiceStartTimeFrom"], Is.EqualTo(new[] { "20240312090000" }));
            Assert.That(p["$XDSDocumentEntryServiceStartTimeTo"], Is.EqualTo(new[] { "20240314090000" }));
            Assert.That(p["$XDSDocumentEntryServiceStopTimeFrom"], Is.EqualTo(new[] { "20240312090000" }));
            Assert.That(p["$XDSDocumentEntryServiceStopTimeTo"], Is.EqualTo(new[] { "20240315090000" }));
            Assert.That(p["$XDSDocumentEntryAuthorPerson"], Is.EqualTo(new[] { "'899700012345%'" }));
            Assert.That(p["$XDSDocumentEntryStatus"], Is.EqualTo(new[] { "('" + Approved + "')" }));
            Assert.That(p, Has.Count.EqualTo(16));
        }

        [Test]
        public void Only_the_patient_and_the_status_are_sent_when_nothing_else_is_asked()
        {
            AdhocQueryRequest request = StoredQueries.FindDocuments(new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx });

            Assert.That(request.QueryId, Is.EqualTo("urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d"));
            Assert.That(request.Parameters.Select(p => p.Name), Is.EqualTo(new[] { "$XDSDocumentEntryPatientId", "$XDSDocumentEntryStatus" }));
            Assert.That(request.ReturnType, Is.EqualTo("LeafClass"));
            Assert.That(request.ReturnComposedObjects, Is.True);
        }

        [Test]
        public void Event_and_confidentiality_codes_are_AND_of_OR_groups_one_Value_per_group()
        {
            var masque = new CodedValue("MASQUE_PS", "1.2.250.1.213.1.1.4.13");
            var invisible = new CodedValue("INVISIBLE_PATIENT", "1.2.250.1.213.1.1.4.13");
            var normal = new CodedValue("N", "2.16.840.1.113883.5.25");
            var query = new FindDocumentsQuery
            {
                PatientId = SampleData.XdsPatientCx,
                ConfidentialityCodes = new[] { (EquatableList<CodedValue>)new[] { normal }, new[] { masque, invisible } },
            };

            QueryParameter confidentiality = StoredQueries.FindDocuments(query).Parameters.Single(p => p.Name == "$XDSDocumentEntryConfidentialityCode");

            Assert.That(confidentiality.Values, Is.EqualTo(new[]
            {
                "('N^^2.16.840.1.113883.5.25')",
                "('MASQUE_PS^^1.2.250.1.213.1.1.4.13','INVISIBLE_PATIENT^^1.2.250.1.213.1.1.4.13')",
            }));
        }

        [Test]
        public void Empty_OR_groups_are_dropped_rather_than_sent_as_an_empty_list()
        {
            var query = new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx, EventCodes = new[] { EquatableList<CodedValue>.Empty } };

            Assert.That(StoredQueries.FindDocuments(query).Parameters.Select(p => p.Name), Does.Not.Contain("$XDSDocumentEntryEventCodeList"));
        }

        [Test]
        public void Approved_is_always_asked_for_first_and_never_twice()
        {
            var query = new FindDocumentsQuery
            {
                PatientId = SampleData.XdsPatientCx,
                Statuses = new[] { XdsAvailabilityStatus.Archived, Approved, XdsAvailabilityStatus.Deprecated },
            };

            QueryParameter status = StoredQueries.FindDocuments(query).Parameters.Single(p => p.Name == "$XDSDocumentEntryStatus");

            Assert.That(StoredQueryValue.Unquote(status.Values[0]), Is.EqualTo(new[] { Approved, XdsAvailabilityStatus.Archived, XdsAvailabilityStatus.Deprecated }));
        }

        [Test]
        public void Every_query_with_a_status_parameter_asks_for_Approved()
        {
            AdhocQueryRequest[] requests =
            {
                StoredQueries.FindSubmissionSets(new FindSubmissionSetsQuery { PatientId = SampleData.XdsPatientCx }),
                StoredQueries.FindFolders(SampleData.XdsPatientCx, null, null, null, null),
                StoredQueries.GetAll(SampleData.XdsPatientCx, new[] { XdsAvailabilityStatus.Archived }),
            };

            foreach (QueryParameter status in requests.SelectMany(r => r.Parameters).Where(p => p.Name.EndsWith("Status", StringComparison.Ordinal)))
            {
                Assert.That(StoredQueryValue.Unquote(status.Values[0])[0], Is.EqualTo(Approved), status.Name);
            }

            Assert.That(requests[2].Parameters.Count(p => p.Name.EndsWith("Status", StringComparison.Ordinal)), Is.EqualTo(3));
        }

        [Test]
        public void Quotes_are_doubled_and_unquoting_gives_the_original_back()
        {
            string quoted = StoredQueryValue.Quote("O'BRIEN^JEAN");
            Assert.That(quoted, Is.EqualTo("'O''BRIEN^JEAN'"));
            Assert.That(StoredQueryValue.Unquote(quoted), Is.EqualTo(new[] { "O'BRIEN^JEAN" }));
            string list = StoredQueryValue.List(new[] { "a'b", "c,d", "e" });
            Assert.That(list, Is.EqualTo("('a''b','c,d','e')"));
            Assert.That(StoredQueryValue.Unquote(list), Is.EqualTo(new[] { "a'b", "c,d", "e" }));
        }

        [Test]
        public void An_author_pattern_with_a_quote_is_escaped_in_the_query()
        {
            var query = new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx, AuthorPersons = new[] { "%D'ARC%", "8997%" } };

            QueryParameter author = StoredQueries.FindDocuments(query).Parameters.Single(p => p.Name == "$XDSDocumentEntryAuthorPerson");

            Assert.That(author.Values, Is.EqualTo(new[] { "'%D''ARC%'", "'8997%'" }), "one Value per pattern (OR)");
        }

        [TestCase("")]
        [TestCase("a\nb")]
        [TestCase("tab\there")]
        public void Empty_values_and_control_characters_are_refused(string value)
        {
            var ex = Assert.Throws<XdsFormatException>(() => StoredQueryValue.Quote(value, "$XDSDocumentEntryAuthorPerson"));
            Assert.That(ex!.Rule, Is.EqualTo(XdsRules.QueryParameter));
            Assert.That(ex.Field, Is.EqualTo("$XDSDocumentEntryAuthorPerson"));
        }

        [Test]
        public void A_query_without_patient_or_with_an_empty_id_list_is_refused()
        {
            Assert.That(Assert.Throws<XdsFormatException>(() => StoredQueries.FindDocuments(new FindDocumentsQuery()))!.Rule, Is.EqualTo(XdsRules.QueryParameter));
            Assert.That(Assert.Throws<XdsFormatException>(() => StoredQueries.GetDocuments(Array.Empty<string>(), XdsIdKind.UniqueId))!.Rule, Is.EqualTo(XdsRules.QueryParameter));
        }

        [Test]
        public void Get_queries_use_the_parameter_of_the_id_kind()
        {
            const string uuid = "urn:uuid:1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b";
            const string oid = "1.2.250.1.999.1.1.4242.1";
            Assert.Multiple(() =>
            {
                Assert.That(ByName(StoredQueries.GetDocuments(new[] { uuid }, XdsIdKind.EntryUuid))["$XDSDocumentEntryEntryUUID"], Is.EqualTo(new[] { "('" + uuid + "')" }));
                Assert.That(ByName(StoredQueries.GetDocuments(new[] { oid, oid + "1" }, XdsIdKind.UniqueId))["$XDSDocumentEntryUniqueId"], Is.EqualTo(new[] { "('" + oid + "','" + oid + "1')" }));
                Assert.That(ByName(StoredQueries.GetAssociations(new[] { uuid }))["$uuid"], Is.EqualTo(new[] { "('" + uuid + "')" }));
                Assert.That(ByName(StoredQueries.GetSubmissionSets(new[] { uuid }))["$uuid"], Is.EqualTo(new[] { "('" + uuid + "')" }));
                Assert.That(ByName(StoredQueries.GetDocumentsAndAssociations(new[] { oid }, XdsIdKind.UniqueId)), Does.ContainKey("$XDSDocumentEntryUniqueId"));
                Assert.That(ByName(StoredQueries.GetSubmissionSetAndContents(oid, XdsIdKind.UniqueId))["$XDSSubmissionSetUniqueId"], Is.EqualTo(new[] { "'" + oid + "'" }));
                Assert.That(ByName(StoredQueries.GetFolderAndContents(uuid, XdsIdKind.EntryUuid))["$XDSFolderEntryUUID"], Is.EqualTo(new[] { "'" + uuid + "'" }));
                Assert.That(ByName(StoredQueries.GetFoldersForDocument(uuid, XdsIdKind.EntryUuid)), Does.ContainKey("$XDSDocumentEntryEntryUUID"));
                Assert.That(ByName(StoredQueries.GetFolders(new[] { oid }, XdsIdKind.UniqueId)), Does.ContainKey("$XDSFolderUniqueId"));
                Dictionary<string, string[]> related = ByName(StoredQueries.GetRelatedDocuments(uuid, XdsIdKind.EntryUuid, new[] { XdsAssociationTypes.Replace, XdsAssociationTypes.Signs }));
                Assert.That(related["$AssociationTypes"], Is.EqualTo(new[] { "('urn:ihe:iti:2007:AssociationType:RPLC','urn:ihe:iti:2007:AssociationType:signs')" }));
            });
        }

        [Test]
        public void The_document_entry_type_and_reference_ids_are_sent_when_asked()
        {
            var query = new FindDocumentsQuery { PatientId = SampleData.XdsPatientCx, DocumentEntryTypes = new[] { XdsUuids.StableDocumentEntry, XdsUuids.OnDemandDocumentEntry } };

            Dictionary<string, string[]> p = ByName(StoredQueries.FindDocuments(query));
            AdhocQueryRequest byReference = StoredQueries.FindDocumentsByReferenceId(query, new[] { "ACC1^^^&1.2.250.1.999.7&ISO^urn:ihe:iti:xds:2013:accession" });

            Assert.That(p["$XDSDocumentEntryType"], Is.EqualTo(new[] { "('urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1','urn:uuid:34268e47-fdf5-41a6-ba33-82133c465248')" }));
            Assert.That(byReference.QueryId, Is.EqualTo("urn:uuid:12941a89-e02e-4be5-967c-ce4bfc8fe492"));
            Assert.That(ByName(byReference)["$XDSDocumentEntryReferenceIdList"], Is.EqualTo(new[] { "('ACC1^^^&1.2.250.1.999.7&ISO^urn:ihe:iti:xds:2013:accession')" }));
            Assert.That(ByName(byReference), Does.ContainKey("$XDSDocumentEntryStatus"));
            Assert.That(Assert.Throws<XdsFormatException>(() => StoredQueries.FindDocumentsByReferenceId(query, Array.Empty<string>()))!.Rule, Is.EqualTo(XdsRules.QueryParameter));
        }

        [Test]
        public void Query_ids_match_ITI18()
        {
            Assert.That(StoredQueries.GetAll(SampleData.XdsPatientCx, null).QueryId, Is.EqualTo("urn:uuid:10b545ea-725c-446d-9b95-8aeb444eddf3"));
            Assert.That(StoredQueries.GetRelatedDocuments("x", XdsIdKind.EntryUuid, new[] { "y" }).QueryId, Is.EqualTo("urn:uuid:d90e5407-b356-4d91-a89f-873917b4b0e6"));
            Assert.That(StoredQueries.FindSubmissionSets(new FindSubmissionSetsQuery { PatientId = "p" }).QueryId, Is.EqualTo("urn:uuid:f26abbcb-ac74-4422-8a30-edb644bbc1a9"));
        }

        [Test]
        public void FindSubmissionSets_writes_its_parameters()
        {
            var query = new FindSubmissionSetsQuery
            {
                PatientId = SampleData.XdsPatientCx,
                SourceIds = new[] { "1.2.250.1.999.1" },
                SubmissionTimeFrom = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
                AuthorPerson = "8997%",
                ContentTypeCodes = new[] { new CodedValue("04", "1.2.250.1.213.2.2") },
                ReturnType = AdhocQueryRequest.ObjectRef,
            };

            AdhocQueryRequest request = StoredQueries.FindSubmissionSets(query);
            Dictionary<string, string[]> p = ByName(request);

            Assert.That(p["$XDSSubmissionSetSourceId"], Is.EqualTo(new[] { "('1.2.250.1.999.1')" }));
            Assert.That(p["$XDSSubmissionSetSubmissionTimeFrom"], Is.EqualTo(new[] { "20240101000000" }));
            Assert.That(p["$XDSSubmissionSetAuthorPerson"], Is.EqualTo(new[] { "'8997%'" }));
            Assert.That(p["$XDSSubmissionSetContentType"], Is.EqualTo(new[] { "('04^^1.2.250.1.213.2.2')" }));
            Assert.That(request.ReturnType, Is.EqualTo("ObjectRef"));
        }

        [Test]
        public void A_built_query_is_schema_valid_and_reads_back_equal()
        {
            var query = new FindDocumentsQuery
            {
                PatientId = SampleData.XdsPatientCx,
                ClassCodes = new[] { Cr },
                AuthorPersons = new[] { "%D'ARC%" },
                Statuses = new[] { XdsAvailabilityStatus.Archived },
            };
            AdhocQueryRequest request = StoredQueries.FindDocuments(query);

            string xml = XdsWriter.WriteToString(request);

            Assert.That(SampleData.ValidateXds(xml), Is.Empty);
            Assert.That(XdsReader.ReadString(xml), Is.EqualTo(request));
        }
    }
}
