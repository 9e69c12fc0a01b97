using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using DmpConnector.Cda;
using DmpConnector.Identity;

namespace DmpConnector.Tests.Support
{
    /// <summary>CDA fixtures: a request with the test professional and patient, small contents of each media type, and the CDA schema set.</summary>
    internal static partial class SampleData
    {
        /// <summary>The CDA fixture folder of the test output.</summary>
        public static string CdaFixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "fixtures", "cda", name);

        /// <summary>The test professional of the official examples (IdNat 899900063480, MAX LIBRE, médecin SM26).</summary>
        public static HealthProfessional CdaTestProfessional() => new(
            ProfessionalId.Parse("899900063480"),
            "LIBRE",
            "MAX",
            new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"),
            new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)"),
            "DR");

        /// <summary>The test cabinet of the official examples (499900063480001, SA07).</summary>
        public static HealthcareOrganization CdaTestOrganization() => new(
            StructureId.Parse("499900063480001"),
            "CABINET DR LIBRE",
            new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem, "Cabinet individuel"));

        /// <summary>The creation time of the fixtures: 1 April 2021 12:47:45 UTC (13:47:45+0200 in Paris, summer time).</summary>
        public static readonly DateTimeOffset CdaCreationTime = new(2021, 4, 1, 12, 47, 45, TimeSpan.Zero);

        /// <summary>A complete request for a preset, with the test professional, cabinet and qualified test patient.</summary>
        public static CdaDocumentRequest CdaRequest(CdaPreset? preset = null, string mediaType = CdaMediaTypes.Pdf)
        {
            preset ??= CdaPresets.CompteRenduConsultation;
            CdaDocumentRequest request = CdaDocumentRequest.ForPreset(preset) with
            {
                DocumentId = "1.2.250.1.999.1.1.7898.3.1",
                CreationTime = CdaCreationTime,
                Patient = QualifiedTestPatient(),
                Author = preset.IsPatientDocument ? null : CdaTestProfessional(),
                AuthorOrganization = preset.IsPatientDocument ? null : CdaTestOrganization(),
                PracticeSetting = preset.IsPatientDocument ? null : CdaDocumentRequest.Ambulatoire,
                ServiceStartTime = CdaCreationTime.AddHours(-1),
                ServiceStopTime = CdaCreationTime.AddMinutes(-30),
                MediaType = mediaType,
            };
            if (request.EffectiveTypeCode is null)
            {
                // Presets whose J07 code is not given: the caller picks one of the candidates.
                request = request with { TypeCode = preset.CandidateTypeCodes[0] };
            }

            return request;
        }

        /// <summary>Small valid content for a media type (right magic bytes).</summary>
        public static byte[] CdaContent(string mediaType) => mediaType switch
        {
            CdaMediaTypes.Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
            CdaMediaTypes.PlainText => Encoding.UTF8.GetBytes("Compte rendu de test.\nPatient vu en consultation. Accentué : é à ç.\n"),
            CdaMediaTypes.Rtf => Encoding.ASCII.GetBytes("{\\rtf1\\ansi Compte rendu de test.\\par}"),
            CdaMediaTypes.Jpeg => new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9 },
            CdaMediaTypes.Tiff => new byte[] { (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(mediaType)),
        };

        private static readonly Lazy<XmlSchemaSet> CdaSchemasLazy = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "cda", "CDA_extended.xsd");
            var set = new XmlSchemaSet { XmlResolver = new CdaSchemaResolver() };
            set.ValidationEventHandler += (_, e) =>
            {
                // The XSLT schema's import of XMLSchema.xsd cannot be honoured by .NET (reference/README.md); the XSLT and
                // XML Schema schemas play no part in validating a CDA, so their errors are ignored. Any other error fails.
                string source = e.Exception?.SourceUri ?? string.Empty;
                bool xsltOrXsd = source.EndsWith("XMLSchema.xsd", StringComparison.Ordinal) || source.EndsWith("schema-for-xslt20.xsd", StringComparison.Ordinal);
                if (e.Severity == XmlSeverityType.Error && !xsltOrXsd)
                {
                    throw new InvalidOperationException("CDA schema does not compile: " + e.Message + " (" + source + ")", e.Exception);
                }
            };
            using (XmlReader r = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new CdaSchemaResolver() }))
            {
                set.Add(null, r);
            }

            set.Compile();
            return set;
        });

        /// <summary>Validates a CDA against CDA_extended.xsd; returns the errors (empty when valid).</summary>
        public static List<string> ValidateCda(Stream cda)
        {
            var errors = new List<string>();
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = CdaSchemasLazy.Value, DtdProcessing = DtdProcessing.Prohibit };
            settings.ValidationEventHandler += (_, e) =>
            {
                if (e.Severity == XmlSeverityType.Error)
                {
                    errors.Add($"line {e.Exception?.LineNumber}: {e.Message}");
                }
            };
            using var reader = XmlReader.Create(cda, settings);
            while (reader.Read())
            {
            }

            return errors;
        }

        /// <summary>Validates a CDA given as bytes.</summary>
        public static List<string> ValidateCda(byte[] cda)
        {
            using var stream = new MemoryStream(cda);
            return ValidateCda(stream);
        }

        /// <summary>Loads the schema files, dropping in memory the ED wildcard .NET rejects (Unique Particle Attribution).</summary>
        private sealed class CdaSchemaResolver : XmlUrlResolver
        {
            private const string EdWildcard = "<xs:any minOccurs=\"0\" namespace=\"##other\" processContents=\"skip\" />";

            public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
            {
                if (absoluteUri.IsFile && absoluteUri.LocalPath.EndsWith("datatypes-base.xsd", StringComparison.Ordinal))
                {
                    string text = File.ReadAllText(absoluteUri.LocalPath);
                    if (!text.Contains(EdWildcard, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException("datatypes-base.xsd changed: the ED wildcard to drop was not found.");
                    }

                    return new MemoryStream(Encoding.UTF8.GetBytes(text.Replace(EdWildcard, string.Empty, StringComparison.Ordinal)));
                }

                if (absoluteUri.IsFile && absoluteUri.LocalPath.EndsWith("schema-for-xslt20.xsd", StringComparison.Ordinal))
                {
                    // Its import of XMLSchema.xsd redefines the built-in types (xs:token…) in .NET and breaks the set; no CDA
                    // element uses an XSLT type, so an empty schema for the XSLT namespace stands in for it.
                    return new MemoryStream(Encoding.UTF8.GetBytes("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"http://www.w3.org/1999/XSL/Transform\"/>"));
                }

                if (!absoluteUri.IsFile)
                {
                    throw new WebException("The CDA schema set is loaded from local files only: " + absoluteUri);
                }

                return base.GetEntity(absoluteUri, role, ofObjectToReturn);
            }
        }
    }
}
