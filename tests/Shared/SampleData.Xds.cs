using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Tests.Support
{
    /// <summary>XDS fixtures: our own files under TestData/fixtures/xds, generated metadata, the schema set.</summary>
    internal static partial class SampleData
    {
        /// <summary>The patient of our XDS fixtures (a public test INS), as the DMP test platform CX.</summary>
        public const string XdsPatientCx = "277076322082910^^^&1.2.250.1.213.1.4.10&ISO^NH";

        /// <summary>The author of our XDS fixtures (made up).</summary>
        public const string XdsAuthorXcn = "899700012345^TESTEUR^PAUL^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";

        public const string XdsInstitutionXon = "CABINET DE TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499700012345001";

        /// <summary>The official messages the XDS reader must read (read in place, never copied).</summary>
        public static readonly string[] OfficialXdsMessages =
        {
            "dmp-messages/TD2.1-alimentation.request.xml",
            "dmp-messages/TD2.1-alimentation.response.xml",
            "dmp-messages/TD3.1-recherche-documents.request.xml",
            "dmp-messages/TD3.1-recherche-documents.response.xml",
            "dmp-messages/TD3.2-consultation-document.request.xml",
            "dmp-messages/TD3.2-consultation-document.response.xml",
            "dmp-messages/TD3.3c-suppression-document.request.xml",
            "dmp-messages/TD3.3c-suppression-document.response.xml",
            "dmp-messages/TD3.3d-archivage-document.request.xml",
            "dmp-messages/TD3.3d-archivage-document.response.xml",
        };

        public static readonly string[] XdsFixtures =
        {
            "pnr-soap11-mtom-root.xml", "find-documents-request.xml", "find-documents-response.xml", "retrieve-request.xml",
            "retrieve-response.xml", "retrieve-response-inline.xml", "update-delete.xml", "registry-response-failure.xml",
        };

        public static string XdsFixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "fixtures", "xds", name);

        /// <summary>
        /// The bytes of an XML message file; for a raw MTOM dump (the official TD2.1), the root part only (test helper:
        /// the first part after the boundary line, up to the next boundary). MTOM itself is the transport layer's.
        /// </summary>
        public static byte[] XmlPartOf(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            string text = Encoding.UTF8.GetString(bytes);
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                return bytes;
            }

            string boundary = text.Substring(0, text.IndexOf('\n')).TrimEnd('\r');
            int headersEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is int crlf and >= 0 ? crlf + 4 : text.IndexOf("\n\n", StringComparison.Ordinal) + 2;
            int next = text.IndexOf(boundary, headersEnd, StringComparison.Ordinal);
            return Encoding.UTF8.GetBytes(text.Substring(headersEnd, next - headersEnd).TrimEnd());
        }

        public static IXdsMessage ReadXds(string path, XdsReaderOptions? options = null)
        {
            using var stream = new MemoryStream(XmlPartOf(path));
            return XdsReader.Read(stream, options);
        }

        private static readonly Lazy<XmlSchemaSet> XdsSchemasLazy = new(() =>
        {
            string root = Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "ebrs30");
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            foreach (string file in new[] { "IHE/IHEXDSB.xsd", "ebRS30/lcm.xsd", "ebRS30/query.xsd", "ebRS30/rs.xsd", "ebRS30/rim.xsd" })
            {
                using XmlReader r = XmlReader.Create(Path.Combine(root, file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
                set.Add(null, r);
            }

            set.Compile();
            return set;
        });

        /// <summary>Validates XML against ebRS 3.0 + XDS.b; returns the errors (empty when valid).</summary>
        public static List<string> ValidateXds(string xml)
        {
            var errors = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = XdsSchemasLazy.Value, DtdProcessing = DtdProcessing.Prohibit };
            settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
            settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }

            return errors;
        }

        /// <summary>A DMP-shaped CDA DocumentEntry with our values.</summary>
        public static DocumentEntry XdsDocumentEntry(string id, int n = 1) => new()
        {
            Id = id,
            MimeType = "text/xml",
            Title = "Compte rendu de test " + n,
            Comments = "commentaire",
            UniqueId = "1.2.250.1.999.1.1.4242.3." + (1000 + n),
            PatientId = XdsPatientCx,
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
                    Person = XdsAuthorXcn,
                    Institutions = new[] { XdsInstitutionXon },
                    Specialties = new[] { "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5" },
                },
            },
            LegalAuthenticator = XdsAuthorXcn,
            CreationTime = "20240312091000",
            ServiceStartTime = "20240312083000",
            ServiceStopTime = "20240312090000",
            LanguageCode = "fr-FR",
        };

        public static SubmissionSet XdsSubmissionSet(string id = "SubmissionSet01") => new()
        {
            Id = id,
            Title = "Lot de test",
            UniqueId = "1.2.250.1.999.1.1.4242.1.77",
            SourceId = "1.2.250.1.999.1.1.4242",
            PatientId = XdsPatientCx,
            SubmissionTime = "20240312101500",
            ContentTypeCode = new CodedValue("04", "1.2.250.1.213.2.2", "Hospitalisation de jour"),
            Authors = new[] { new Author { Person = XdsAuthorXcn, Institutions = new[] { XdsInstitutionXon } } },
        };

        /// <summary>An ITI-41 request: a submission set, n CDA entries attached by content id, HasMember associations.</summary>
        public static ProvideAndRegisterDocumentSetRequest XdsProvideAndRegister(int entries)
        {
            SubmissionSet set = XdsSubmissionSet();
            var documents = new List<DocumentEntry>();
            var attachments = new List<DocumentAttachment>();
            var associations = new List<Association>();
            for (int i = 1; i <= entries; i++)
            {
                string id = "Document" + i;
                documents.Add(XdsDocumentEntry(id, i));
                attachments.Add(DocumentAttachment.Xop(id, $"doc{i}@dmpconnector.test"));
                associations.Add(Association.HasMember("assoc" + i, set.Id, id));
            }

            return new ProvideAndRegisterDocumentSetRequest
            {
                Metadata = new XdsMetadata { SubmissionSets = new[] { set }, DocumentEntries = documents, Associations = associations },
                Documents = attachments,
            };
        }

        /// <summary>An AdhocQueryResponse with n registry-shaped entries (urn:uuid ids, hash, size, repository).</summary>
        public static AdhocQueryResponse XdsQueryResponse(int entries)
        {
            var documents = new List<DocumentEntry>(entries);
            for (int i = 0; i < entries; i++)
            {
                string uuid = "urn:uuid:" + new Guid(i, 0x1234, 0x4567, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67).ToString("D");
                documents.Add(XdsDocumentEntry(uuid, i) with
                {
                    LogicalId = uuid,
                    Version = "1",
                    AvailabilityStatus = XdsAvailabilityStatus.Approved,
                    Hash = "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                    Size = 2768 + i,
                    RepositoryUniqueId = "1.2.250.1.999.1.1.4242.9",
                });
            }

            return new AdhocQueryResponse
            {
                Status = XdsResponseStatus.Success,
                StartIndex = 0,
                TotalResultCount = entries,
                Metadata = new XdsMetadata { DocumentEntries = documents },
            };
        }
    }
}
