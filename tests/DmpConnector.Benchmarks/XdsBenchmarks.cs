using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Benchmarks
{
    /// <summary>
    /// XDS metadata: reading an ITI-18 response of 10 000 LeafClass DocumentEntries with <see cref="XdsReader"/> against a
    /// straightforward LINQ-to-XML (XDocument) mapping to the same model (what vendors usually write by hand), and writing an
    /// ITI-41 request of 50 entries.
    /// </summary>
    [MemoryDiagnoser]
    public class XdsBenchmarks
    {
        private const string Patient = "277076322082910^^^&1.2.250.1.213.1.4.10&ISO^NH";
        private const string AuthorXcn = "899700012345^TESTEUR^PAUL^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
        private static readonly XNamespace Rim = XdsNamespaces.Rim;

        private byte[] response = Array.Empty<byte>();
        private ProvideAndRegisterDocumentSetRequest pnr = new();

        [GlobalSetup]
        public void Setup()
        {
            var entries = new List<DocumentEntry>(10_000);
            for (int i = 0; i < 10_000; i++)
            {
                string uuid = "urn:uuid:" + new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString("D");
                entries.Add(Entry(uuid, i) with
                {
                    LogicalId = uuid,
                    Version = "1",
                    AvailabilityStatus = XdsAvailabilityStatus.Approved,
                    Hash = "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                    Size = 2768 + i,
                    RepositoryUniqueId = "1.2.250.1.999.1.1.4242.9",
                });
            }

            var query = new AdhocQueryResponse { TotalResultCount = entries.Count, Metadata = new XdsMetadata { DocumentEntries = entries } };
            using (var buffer = new MemoryStream())
            {
                XdsWriter.WriteTo(buffer, query);
                response = buffer.ToArray();
            }

            var set = new SubmissionSet
            {
                Id = "SubmissionSet01", UniqueId = "1.2.250.1.999.1.1.4242.1.77", SourceId = "1.2.250.1.999.1.1.4242", PatientId = Patient,
                SubmissionTime = "20240312101500", ContentTypeCode = new CodedValue("04", "1.2.250.1.213.2.2", "Hospitalisation de jour"),
                Authors = new[] { new Author { Person = AuthorXcn } },
            };
            var documents = Enumerable.Range(1, 50).Select(i => Entry("Document" + i, i)).ToArray();
            pnr = new ProvideAndRegisterDocumentSetRequest
            {
                Metadata = new XdsMetadata
                {
                    SubmissionSets = new[] { set },
                    DocumentEntries = documents,
                    Associations = documents.Select((d, i) => Association.HasMember("assoc" + i, set.Id, d.Id)).ToArray(),
                },
                Documents = documents.Select(d => DocumentAttachment.Xop(d.Id, d.Id + "@bench")).ToArray(),
            };

            // The two readers must agree, or the comparison means nothing.
            if (!ReadWithXdsReader().Equals(ReadWithXDocument()))
            {
                throw new InvalidOperationException("The XDocument mapping does not give the same entries as XdsReader.");
            }
        }

        /// <summary>The size of the generated response, for the record.</summary>
        public int ResponseBytes => response.Length;

        [Benchmark(Baseline = true)]
        public EquatableList<DocumentEntry> ReadWithXDocument()
        {
            using var stream = new MemoryStream(response, writable: false);
            using XmlReader reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            XDocument doc = XDocument.Load(reader);
            return doc.Descendants(Rim + "ExtrinsicObject").Select(MapEntry).ToArray();
        }

        [Benchmark]
        public EquatableList<DocumentEntry> ReadWithXdsReader()
        {
            using var stream = new MemoryStream(response, writable: false);
            return ((AdhocQueryResponse)XdsReader.Read(stream)).Metadata.DocumentEntries;
        }

        /// <summary>The floor: an <see cref="XmlReader"/> pass over the same bytes that maps nothing.</summary>
        [Benchmark]
        public int ScanWithXmlReaderOnly()
        {
            using var stream = new MemoryStream(response, writable: false);
            using XmlReader reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            int elements = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    elements++;
                }
            }

            return elements;
        }

        [Benchmark]
        public void WriteProvideAndRegister50() => XdsWriter.WriteTo(Stream.Null, pnr);

        private static DocumentEntry Entry(string id, int n) => new()
        {
            Id = id,
            MimeType = "text/xml",
            Title = "Compte rendu de test " + n,
            UniqueId = "1.2.250.1.999.1.1.4242.3." + (1000 + n),
            PatientId = Patient,
            SourcePatientId = "IPP000123^^^&1.2.250.1.999.1.1.4242.2&ISO^PI",
            SourcePatientInfo = new[] { "PID-5|DUPONT-TEST^JEANNE^^^^^L", "PID-7|19770703", "PID-8|F" },
            ClassCode = new CodedValue("10", "1.2.250.1.213.1.1.4.1", "Compte rendu"),
            TypeCode = new CodedValue("11488-4", "2.16.840.1.113883.6.1", "Compte rendu de consultation"),
            FormatCode = new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré en Pdf/A-1"),
            HealthcareFacilityTypeCode = new CodedValue("SA07", "1.2.250.1.71.4.2.4", "Cabinet individuel"),
            PracticeSettingCode = new CodedValue("AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire"),
            ConfidentialityCodes = new[] { new CodedValue("N", "2.16.840.1.113883.5.25", "Normal") },
            EventCodes = new[] { new CodedValue("BACA008", "1.2.250.1.213.2.5", "suture sourcil") },
            Authors = new[]
            {
                new Author
                {
                    Person = AuthorXcn,
                    Institutions = new[] { "CABINET DE TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499700012345001" },
                    Specialties = new[] { "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5" },
                },
            },
            LegalAuthenticator = AuthorXcn,
            CreationTime = "20240312091000",
            ServiceStartTime = "20240312083000",
            ServiceStopTime = "20240312090000",
            LanguageCode = "fr-FR",
        };

        // ---- the hand-written LINQ-to-XML mapping a vendor would write (same model, same fields) ----
        private static DocumentEntry MapEntry(XElement e)
        {
            string? Slot(string name) => e.Elements(Rim + "Slot").FirstOrDefault(s => (string?)s.Attribute("name") == name)?.Descendants(Rim + "Value").FirstOrDefault()?.Value;
            string[] Slots(XElement owner, string name) => owner.Elements(Rim + "Slot").Where(s => (string?)s.Attribute("name") == name).SelectMany(s => s.Descendants(Rim + "Value")).Select(v => v.Value).ToArray();
            IEnumerable<XElement> Classified(string scheme) => e.Elements(Rim + "Classification").Where(c => (string?)c.Attribute("classificationScheme") == scheme);
            CodedValue Code(XElement c) => new((string)c.Attribute("nodeRepresentation")!, Slots(c, "codingScheme").FirstOrDefault() ?? string.Empty, c.Element(Rim + "Name")?.Element(Rim + "LocalizedString")?.Attribute("value")?.Value);
            CodedValue? One(string scheme) => Classified(scheme).Select(Code).FirstOrDefault();
            string? Ext(string scheme) => e.Elements(Rim + "ExternalIdentifier").FirstOrDefault(x => (string?)x.Attribute("identificationScheme") == scheme)?.Attribute("value")?.Value;
            string? size = Slot("size");
            return new DocumentEntry
            {
                Id = (string)e.Attribute("id")!,
                LogicalId = (string?)e.Attribute("lid"),
                Version = e.Element(Rim + "VersionInfo")?.Attribute("versionName")?.Value,
                AvailabilityStatus = (string?)e.Attribute("status"),
                ObjectType = (string?)e.Attribute("objectType") ?? XdsUuids.StableDocumentEntry,
                MimeType = (string?)e.Attribute("mimeType"),
                Title = e.Element(Rim + "Name")?.Element(Rim + "LocalizedString")?.Attribute("value")?.Value,
                Comments = e.Element(Rim + "Description")?.Element(Rim + "LocalizedString")?.Attribute("value")?.Value,
                UniqueId = Ext(XdsUuids.DocumentEntryUniqueId),
                PatientId = Ext(XdsUuids.DocumentEntryPatientId),
                SourcePatientId = Slot("sourcePatientId"),
                SourcePatientInfo = Slots(e, "sourcePatientInfo"),
                ClassCode = One(XdsUuids.DocumentEntryClassCode),
                TypeCode = One(XdsUuids.DocumentEntryTypeCode),
                FormatCode = One(XdsUuids.DocumentEntryFormatCode),
                HealthcareFacilityTypeCode = One(XdsUuids.DocumentEntryHealthcareFacilityTypeCode),
                PracticeSettingCode = One(XdsUuids.DocumentEntryPracticeSettingCode),
                ConfidentialityCodes = Classified(XdsUuids.DocumentEntryConfidentialityCode).Select(Code).ToArray(),
                EventCodes = Classified(XdsUuids.DocumentEntryEventCode).Select(Code).ToArray(),
                Authors = Classified(XdsUuids.DocumentEntryAuthor).Select(a => new Author
                {
                    Person = Slots(a, "authorPerson").FirstOrDefault(),
                    Institutions = Slots(a, "authorInstitution"),
                    Roles = Slots(a, "authorRole"),
                    Specialties = Slots(a, "authorSpecialty"),
                    Telecommunications = Slots(a, "authorTelecommunication"),
                }).ToArray(),
                LegalAuthenticator = Slot("legalAuthenticator"),
                CreationTime = Slot("creationTime"),
                ServiceStartTime = Slot("serviceStartTime"),
                ServiceStopTime = Slot("serviceStopTime"),
                LanguageCode = Slot("languageCode"),
                Hash = Slot("hash"),
                Size = size is null ? null : long.Parse(size, System.Globalization.CultureInfo.InvariantCulture),
                RepositoryUniqueId = Slot("repositoryUniqueId"),
            };
        }
    }
}
