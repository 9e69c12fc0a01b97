using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
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
        private static readonly XNamespace Rim = XdsNamespaces.Rim;

        private byte[] response = Array.Empty<byte>();
        private ProvideAndRegisterDocumentSetRequest pnr = new();

        [GlobalSetup]
        public void Setup()
        {
            // The same generated fixtures as the tests (tests/Shared/SampleData.Xds.cs, linked into this project).
            using (var buffer = new MemoryStream())
            {
                XdsWriter.WriteTo(buffer, SampleData.XdsQueryResponse(10_000));
                response = buffer.ToArray();
            }

            pnr = SampleData.XdsProvideAndRegister(50);

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
