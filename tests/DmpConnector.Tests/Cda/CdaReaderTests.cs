using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using DmpConnector.Cda;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Cda
{
    public class CdaReaderTests
    {
        private static async Task<CdaDocumentMetadata> ReadFileAsync(string path, CdaReaderOptions? options = null)
        {
            using FileStream stream = File.OpenRead(path);
            return await new CdaReader().ReadAsync(stream, options);
        }

        private static string Sha1(byte[] bytes)
        {
#pragma warning disable CA5350 // XDS hash
            return Convert.ToHexString(SHA1.HashData(bytes)).ToLowerInvariant();
#pragma warning restore CA5350
        }

        [Test]
        public async Task What_the_builder_writes_reads_back_as_the_DocumentEntry_fields()
        {
            byte[] cda = await CdaBuilderTests.BuildAsync(SampleData.CdaRequest());
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(new MemoryStream(cda));

            Assert.That(m.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            Assert.That(m.TypeCode!.Code, Is.EqualTo("11488-4"));
            Assert.That(m.ClassCode!.Code, Is.EqualTo("10"));
            Assert.That(m.FormatCode!.Code, Is.EqualTo("urn:ihe:iti:xds-sd:pdf:2008"));
            Assert.That(m.Title, Is.EqualTo("CR ou fiche de consultation ou de visite"));
            Assert.That(m.CreationTime, Is.EqualTo("20210401124745"));
            Assert.That(m.ServiceStartTime, Is.EqualTo("20210401114745"));
            Assert.That(m.ServiceStopTime, Is.EqualTo("20210401121745"));
            Assert.That(m.ConfidentialityCodes.Select(c => c.Code), Is.EqualTo(new[] { "N" }));
            Assert.That(m.LanguageCode, Is.EqualTo("fr-FR"));
            Assert.That(m.PatientId, Is.EqualTo(SampleData.DmpTestPatientCx));
            Assert.That(m.SourcePatientId, Is.EqualTo("0456789999^^^&1.2.250.1.999.1.1.7898.2&ISO^PI"));
            Assert.That(m.SourcePatientInfo, Is.EqualTo(new[] { "PID-5|PATB-QUATRE^LAURENCE^^^^^L", "PID-7|20070512", "PID-8|F" }));
            Assert.That(m.PracticeSettingCode!.Code, Is.EqualTo("AMBULATOIRE"));
            Assert.That(m.HealthcareFacilityTypeCode!.Code, Is.EqualTo("SA07"));
            Assert.That(m.Hash, Is.EqualTo(Sha1(cda)));
            Assert.That(m.Size, Is.EqualTo(cda.Length));
            Assert.That(m.IsStructured, Is.False);
            Assert.That(m.EmbeddedLength, Is.EqualTo(SampleData.CdaContent(CdaMediaTypes.Pdf).Length));
            Assert.That(m.Deviations, Is.Empty);

            HealthProfessional author = m.Authors.Single().ToHealthProfessional()!;
            Assert.That(author.Id.Value, Is.EqualTo("899900063480"));
            Assert.That(author.Profession.Code, Is.EqualTo("10"));
            Assert.That(author.Specialty!.Code, Is.EqualTo("SM26"));
            Assert.That(m.Authors[0].ToHealthcareOrganization()!.Id.Value, Is.EqualTo("499900063480001"));
        }

        [Test]
        public async Task A_new_version_reads_back_with_its_set_version_and_replaced_id()
        {
            var request = SampleData.CdaRequest() with
            {
                DocumentId = "1.2.250.1.999.1.1.7898.3.2", SetId = "1.2.250.1.999.1.1.7898.3.1", VersionNumber = 2, ReplacedDocumentId = "1.2.250.1.999.1.1.7898.3.1",
            };
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(new MemoryStream(await CdaBuilderTests.BuildAsync(request)));

            Assert.That(m.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.2"));
            Assert.That(m.SetId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            Assert.That(m.VersionNumber, Is.EqualTo(2));
            Assert.That(m.ReplacedDocumentId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
        }

        [Test]
        public async Task The_DocumentEntry_carries_the_CDA_fields_in_XDS_wire_formats()
        {
            byte[] cda = await CdaBuilderTests.BuildAsync(SampleData.CdaRequest());
            DocumentEntry e = (await new CdaReader().ReadAsync(new MemoryStream(cda))).ToDocumentEntry("Document01");

            Assert.That(e.Id, Is.EqualTo("Document01"));
            Assert.That(e.MimeType, Is.EqualTo("text/xml"));
            Assert.That(e.UniqueId, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            string xcn = SampleData.CdaTestProfessional().ToXcn().Format();
            Assert.That(e.Authors.Single().Person, Is.EqualTo(xcn), "the same XCN as the Identity layer builds");
            Assert.That(e.Authors.Single().Institutions.Single(), Is.EqualTo(SampleData.AuthorInstitutionXon));
            Assert.That(e.Authors.Single().Specialties.Single(), Is.EqualTo(SampleData.AuthorSpecialtyCe));
            Assert.That(e.LegalAuthenticator, Is.EqualTo(xcn));
            Assert.That(e.ClassCode!.Code, Is.EqualTo("10"));
            Assert.That(e.FormatCode!.CodeSystem, Is.EqualTo("1.3.6.1.4.1.19376.1.2.3"));
            Assert.That(e.Hash, Has.Length.EqualTo(40));
            Assert.That(e.Size, Is.EqualTo(cda.Length));
            Assert.That(e.AvailabilityStatus, Is.Null, "left for the caller");
            Assert.That(e.RepositoryUniqueId, Is.Null, "left for the caller");
        }

        [Test]
        public async Task The_N1_fixture_with_the_official_quirks_is_read_and_its_deviations_reported()
        {
            CdaDocumentMetadata m = await ReadFileAsync(SampleData.CdaFixture("n1-quirks.xml"));

            Assert.That(m.CreationTime, Is.EqualTo("20201231233012"), "local time crossing the new year, converted to UTC");
            Assert.That(m.ServiceStartTime, Is.EqualTo("20210401133000"), "no offset: passed through");
            Assert.That(m.ServiceStopTime, Is.EqualTo("202104011800"), "minute precision kept, -0400 converted");
            Assert.That(m.Deviations, Has.Exactly(1).StartsWith("CDA-TIME-NO-OFFSET"));
            Assert.That(m.PatientIds.Select(p => p.Root), Is.EqualTo(new[] { "1.2.250.1.213.1.4.10", "1.2.250.1.999.1.1.7898.2" }));
            Assert.That(m.SourcePatientInfo[0], Is.EqualTo("PID-5|FIXTURE-NOM^JEANNE^^^^^L"));
            Assert.That(m.Authors, Has.Count.EqualTo(2));
            Assert.That(m.Authors[1].SoftwareName, Is.EqualTo("FixtureSoft"));
            Assert.That(m.Authors[1].ToXdsAuthor().Person, Does.Contain("^FixtureSoft^").And.Contain("^U^"));
            Assert.That(m.EventCodes.Select(c => c.Code), Is.EqualTo(new[] { "XFIX", "XSEC" }));
            Assert.That(m.PracticeSettingCode!.Code, Is.EqualTo("AMBULATOIRE"), "from the first documentationOf");
            Assert.That(m.LegalAuthenticator!.ToXcn(), Does.StartWith("899900063480^LIBRE^MAX^"));
            Assert.That(SampleData.ValidateCda(File.ReadAllBytes(SampleData.CdaFixture("n1-quirks.xml"))), Is.Empty);
        }

        [TestCase("signed-root.xml")]
        [TestCase("self-presenting.xml")]
        public async Task A_signed_or_self_presenting_CDA_is_read_through_its_envelope(string fixture)
        {
            CdaDocumentMetadata m = await ReadFileAsync(SampleData.CdaFixture(fixture));
            byte[] bytes = File.ReadAllBytes(SampleData.CdaFixture(fixture));

            Assert.That(m.TypeCode!.Code, Is.EqualTo("11502-2"));
            Assert.That(m.PatientId, Does.StartWith("277076322082910^^^"));
            Assert.That(m.Hash, Is.EqualTo(Sha1(bytes)), "the hash covers the whole file as submitted");
            Assert.That(m.EmbeddedMediaType, Is.EqualTo("application/pdf"));
        }

        [Test]
        public async Task A_structured_CDA_passes_through_and_gets_its_model_format_code()
        {
            byte[] bytes = File.ReadAllBytes(SampleData.CdaFixture("structured-minimal.xml"));
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(new MemoryStream(bytes));

            Assert.That(m.IsStructured, Is.True);
            Assert.That(m.FormatCode!.Code, Is.EqualTo("urn:ihe:lab:xd-lab:2008"));
            Assert.That(m.Hash, Is.EqualTo(Sha1(bytes)));
            Assert.That(m.Size, Is.EqualTo(bytes.Length));
            Assert.That(SampleData.ValidateCda(bytes), Is.Empty);
        }

        [Test]
        public async Task Unwrap_gives_back_the_embedded_bytes()
        {
            byte[] pdf = SampleData.CdaContent(CdaMediaTypes.Pdf);
            byte[] cda = await CdaBuilderTests.BuildAsync(SampleData.CdaRequest(), pdf);
            using var output = new MemoryStream();

            CdaEmbeddedDocument doc = await new CdaReader().ExtractAsync(new MemoryStream(cda), output);

            Assert.That(output.ToArray(), Is.EqualTo(pdf));
            Assert.That(doc.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(doc.Length, Is.EqualTo(pdf.Length));
        }

        [Test]
        public async Task Unwrap_accepts_base64_wrapped_in_lines_as_many_producers_write_it()
        {
            byte[] pdf = new byte[5000];
            new Random(4).NextBytes(pdf);
            System.Text.Encoding.ASCII.GetBytes("%PDF-").CopyTo(pdf, 0);
            string wrapped = Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks);
            string xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">\r\n" + wrapped + "\r\n</text></nonXMLBody></component></ClinicalDocument>";
            using var output = new MemoryStream();

            CdaEmbeddedDocument doc = await new CdaReader().ExtractAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), output);

            Assert.That(output.ToArray(), Is.EqualTo(pdf));
            Assert.That(doc.Length, Is.EqualTo(pdf.Length));
        }

        [Test]
        public async Task Unwrap_of_a_self_presenting_CDA_finds_the_prefixed_body()
        {
            using FileStream stream = File.OpenRead(SampleData.CdaFixture("self-presenting.xml"));
            using var output = new MemoryStream();

            await new CdaReader().ExtractAsync(stream, output);

            Assert.That(Encoding.ASCII.GetString(output.ToArray()), Does.StartWith("%PDF-1.4"));
        }

        [Test]
        public async Task Unwrap_of_a_structured_CDA_fails_and_writes_nothing()
        {
            using FileStream stream = File.OpenRead(SampleData.CdaFixture("structured-minimal.xml"));
            using var output = new MemoryStream();

            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => new CdaReader().ExtractAsync(stream, output)))!;

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.NoEmbeddedDocument));
            Assert.That(output.Length, Is.Zero);
        }

        [Test]
        public async Task Deviations_are_logged_as_warnings_without_patient_data()
        {
            var logger = new CapturingLogger();
            using FileStream stream = File.OpenRead(SampleData.CdaFixture("n1-quirks.xml"));

            await new CdaReader(logger).ReadAsync(stream);

            var warning = logger.WithEvent(Diagnostics.DmpLogEvents.CdaDocumentDeviation).Single();
            Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(warning.Message, Does.Contain("CDA-TIME-NO-OFFSET"));
            Assert.That(logger.WithEvent(Diagnostics.DmpLogEvents.CdaDocumentRead).Single().Message, Does.Contain("11502-2"));
            Assert.That(logger.Entries.Select(e => e.Message), Has.None.Contain("277076322082910").And.None.Contain("FIXTURE-NOM"));
        }

        [Test]
        public async Task A_patient_author_and_the_patient_ids_are_not_printed_by_ToString()
        {
            byte[] cda = await CdaBuilderTests.BuildAsync(SampleData.CdaRequest(CdaPresets.DocumentDuPatient));
            CdaDocumentMetadata m = await new CdaReader().ReadAsync(new MemoryStream(cda));

            Assert.That(m.Authors[0].IsPatient, Is.True);
            Assert.That(m.Authors[0].ToString(), Does.Not.Contain(SampleData.DmpTestPatientIns).And.Not.Contain("LAURENCE"));
            Assert.That(m.PatientIds[0].ToString(), Does.Not.Contain(SampleData.DmpTestPatientIns));
            Assert.That(m.ToString(), Does.Not.Contain(SampleData.DmpTestPatientIns).And.Not.Contain("PATB"));
        }

        [Test]
        public async Task A_CDA_missing_its_INS_is_refused_by_default_and_readable_on_request()
        {
            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => ReadFileAsync(SampleData.CdaFixture("no-ins.xml"))))!;
            Assert.That(ex.Rule, Is.EqualTo(CdaRules.InsMissing));

            CdaDocumentMetadata m = await ReadFileAsync(SampleData.CdaFixture("no-ins.xml"), new CdaReaderOptions { RequireIns = false });
            Assert.That(m.PatientId, Is.Null);
            var entryEx = Assert.Throws<CdaFormatException>(() => m.ToDocumentEntry())!;
            Assert.That(entryEx.Rule, Is.EqualTo(CdaRules.InsMissing));
        }

        [Test]
        public async Task A_CDA_with_a_DTD_is_refused()
        {
            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => ReadFileAsync(SampleData.CdaFixture("with-dtd.xml"))))!;
            Assert.That(ex.Rule, Is.EqualTo(CdaRules.XmlDtd));

            using FileStream stream = File.OpenRead(SampleData.CdaFixture("with-dtd.xml"));
            var unwrap = (await Assert.ThrowsAsync<CdaFormatException>(() => new CdaReader().ExtractAsync(stream, Stream.Null)))!;
            Assert.That(unwrap.Rule, Is.EqualTo(CdaRules.XmlDtd));
        }

        [TestCase("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>x</ti", CdaRules.XmlMalformed)]
        [TestCase("<ClinicalDocument xmlns=\"urn:hl7-org:v2\"/>", CdaRules.NotCda)]
        [TestCase("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><effectiveTime value=\"2021-04-01\"/></ClinicalDocument>", CdaRules.TimeFormat)]
        [TestCase("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">@@not base64@@</text></nonXMLBody></component></ClinicalDocument>", CdaRules.Base64)]
        public async Task Bad_XML_gets_a_typed_exception(string xml, string rule)
        {
            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => new CdaReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new CdaReaderOptions { RequireIns = false })))!;

            Assert.That(ex.Rule, Is.EqualTo(rule));
        }

        [Test]
        public async Task A_huge_header_text_is_refused_without_reading_it_whole()
        {
            string xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>" + new string('x', 2_000_000) + "</title></ClinicalDocument>";
            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            long before = GC.GetTotalAllocatedBytes(precise: true);

            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => new CdaReader().ReadAsync(new MemoryStream(bytes), new CdaReaderOptions { RequireIns = false })))!;

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.ValueTooLong));
            Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(2_000_000), "less than the 4 MB a string of the title would take");
        }

        [Test]
        public async Task Titles_and_names_with_entities_CDATA_and_comments_read_as_text()
        {
            string xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>CR <![CDATA[d'examen]]> &amp; <!-- c --> suite</title></ClinicalDocument>";

            CdaDocumentMetadata m = await new CdaReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new CdaReaderOptions { RequireIns = false });

            Assert.That(m.Title, Is.EqualTo("CR d'examen &  suite"));
        }

        [Test]
        public async Task Deeply_nested_header_elements_are_refused()
        {
            string xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">" + string.Concat(Enumerable.Repeat("<a>", 5000)) + string.Concat(Enumerable.Repeat("</a>", 5000)) + "</ClinicalDocument>";

            var ex = (await Assert.ThrowsAsync<CdaFormatException>(() => new CdaReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new CdaReaderOptions { RequireIns = false })))!;

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.XmlDepth));
        }

        [Test]
        public async Task The_DocumentEntry_goes_into_a_schema_valid_ITI41_request_and_reads_back_equal()
        {
            byte[] cda = await CdaBuilderTests.BuildAsync(SampleData.CdaRequest());
            DocumentEntry entry = (await new CdaReader().ReadAsync(new MemoryStream(cda))).ToDocumentEntry("Document01");
            SubmissionSet set = SampleData.XdsSubmissionSet() with { PatientId = entry.PatientId };
            var request = new ProvideAndRegisterDocumentSetRequest
            {
                Metadata = new XdsMetadata { SubmissionSets = new[] { set }, DocumentEntries = new[] { entry }, Associations = new[] { Association.HasMember("assoc1", set.Id, entry.Id) } },
                Documents = new[] { DocumentAttachment.Xop(entry.Id, "doc1@dmpconnector.test") },
            };

            string xml = XdsWriter.WriteToString(request);
            var read = (ProvideAndRegisterDocumentSetRequest)XdsReader.ReadString(xml);

            Assert.That(read.Metadata.DocumentEntries.Single(), Is.EqualTo(entry));
            string resolved = System.Text.RegularExpressions.Regex.Replace(xml, "<xop:Include [^>]*/>", Convert.ToBase64String(cda));
            Assert.That(SampleData.ValidateXds(resolved), Is.Empty);
        }

        [TestCase("20210401134745+0100", "20210401124745")]
        [TestCase("20210101003000+0100", "20201231233000")]
        [TestCase("20210331233000-0400", "20210401033000")]
        [TestCase("20210401134745.827+0200", "20210401114745")]
        [TestCase("202104011347+0200", "202104011147")]
        [TestCase("20210401", "20210401")]
        [TestCase("2021", "2021")]
        public void CDA_times_convert_to_UTC_at_their_precision(string ts, string utc)
        {
            Assert.That(CdaTime.ToXdsUtc(ts, out bool hadOffset), Is.EqualTo(utc));
            Assert.That(hadOffset, Is.True);
        }

        [Test]
        public void Writing_a_time_uses_the_offset_of_the_zone_at_that_instant()
        {
            Assert.That(CdaTime.Format(new DateTimeOffset(2021, 7, 1, 10, 0, 0, TimeSpan.Zero)), Is.EqualTo("20210701120000+0200"));
            Assert.That(CdaTime.Format(new DateTimeOffset(2021, 12, 1, 10, 0, 0, TimeSpan.Zero)), Is.EqualTo("20211201110000+0100"));
        }

        private static readonly string[] OfficialExamples =
        {
            "cda-examples/DOC_NON_STRUCTURE_CDA-R2-N1.xml", "cda-examples/BIO-CR-BIO_2024.01_TSH_1.xml", "cda-examples/IMG_CR_IMG_2024.01.xml",
            "cda-examples/VSM_1.4_2022.01.xml", "cda-examples/VAC-NOTE_2023.01.xml", "cda-examples/LDL-SES_2022.01.xml",
        };

        private static System.Collections.Generic.IEnumerable<TestCaseData> Official() => ReferenceMaterial.Cases(OfficialExamples);

        [TestCaseSource(nameof(Official))]
        public async Task Every_official_ANS_example_is_read_in_place(string path)
        {
            CdaDocumentMetadata m = await ReadFileAsync(path);
            byte[] bytes = File.ReadAllBytes(path);

            Assert.That(m.TypeCode, Is.Not.Null);
            Assert.That(m.PatientIds[0].IsIns, Is.True);
            Assert.That(m.CreationTime, Has.Length.EqualTo(14));
            Assert.That(m.Hash, Is.EqualTo(Sha1(bytes)));
            Assert.That(m.FormatCode, Is.Not.Null, "N1 media type or a known model template");
            Assert.That(m.PracticeSettingCode, Is.Not.Null);
            Assert.That(m.HealthcareFacilityTypeCode, Is.Not.Null);
            Assert.That(m.Authors, Is.Not.Empty);
            Assert.That(m.ToDocumentEntry().PatientId, Does.EndWith("&ISO^NH"));
            Assert.That(SampleData.ValidateCda(bytes), Is.Empty);
        }

        private static System.Collections.Generic.IEnumerable<TestCaseData> OfficialTd21() => ReferenceMaterial.Cases("dmp-messages/TD2.1-DocumentME2.xml");

        [TestCaseSource(nameof(OfficialTd21))]
        public async Task The_official_DMP_TD21_CDA_with_BOM_and_CRLF_is_read_and_unwrapped_in_place(string path)
        {
            CdaDocumentMetadata m = await ReadFileAsync(path);
            byte[] bytes = File.ReadAllBytes(path);

            Assert.That(bytes[0], Is.EqualTo(0xEF), "the file starts with a UTF-8 BOM, hashed with the rest");
            Assert.That(m.Hash, Is.EqualTo(Sha1(bytes)));
            Assert.That(m.TypeCode!.Code, Is.EqualTo("27899-4"));
            Assert.That(m.ClassCode!.Code, Is.EqualTo("10"));
            Assert.That(m.FormatCode!.Code, Is.EqualTo("urn:ihe:iti:xds-sd:text:2008"));
            Assert.That(m.CreationTime, Is.EqualTo("20190221123445"));
            Assert.That(m.ServiceStartTime, Is.EqualTo("20190221"), "a date-only low passes through at day precision");
            Assert.That(m.PatientId, Is.EqualTo(SampleData.DmpTestPatientCx));
            Assert.That(m.EventCodes.Single().Code, Is.EqualTo("BACA008"));

            using FileStream stream = File.OpenRead(path);
            using var text = new MemoryStream();
            CdaEmbeddedDocument doc = await new CdaReader().ExtractAsync(stream, text);
            Assert.That(doc.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text.Length, Is.GreaterThan(0));
        }

        private static System.Collections.Generic.IEnumerable<TestCaseData> OfficialN1() => ReferenceMaterial.Cases("cda-examples/DOC_NON_STRUCTURE_CDA-R2-N1.xml");

        [TestCaseSource(nameof(OfficialN1))]
        public async Task The_official_N1_example_gives_its_known_values_and_its_PDF(string path)
        {
            CdaDocumentMetadata m = await ReadFileAsync(path);
            Assert.That(m.CreationTime, Is.EqualTo("20210401124745"));
            Assert.That(m.TypeCode!.Code, Is.EqualTo("11502-2"));
            Assert.That(m.ClassCode!.Code, Is.EqualTo("10"));
            Assert.That(m.FormatCode!.Code, Is.EqualTo("urn:ihe:iti:xds-sd:pdf:2008"));

            using FileStream stream = File.OpenRead(path);
            using var pdf = new MemoryStream();
            CdaEmbeddedDocument doc = await new CdaReader().ExtractAsync(stream, pdf);
            Assert.That(Encoding.ASCII.GetString(pdf.ToArray(), 0, 5), Is.EqualTo("%PDF-"));
            Assert.That(doc.Length, Is.EqualTo(pdf.Length));
        }
    }
}
