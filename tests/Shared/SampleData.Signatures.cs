using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Security;

namespace DmpConnector.Tests.Support
{
    /// <summary>Fixtures of the signatures layer: made-up certificates and a small SAML assertion in the VIHF's shape.</summary>
    internal static partial class SampleData
    {
        public const string SamlNamespace = "urn:oasis:names:tc:SAML:2.0:assertion";

        /// <summary>A self-signed RSA-2048 certificate with its key, usable on every runtime (round trip through PKCS#12).</summary>
        public static X509Certificate2 CreateSigningCertificate(string subject = "CN=899900063480 TEST SIGNATURE, OU=Medecin, O=DmpConnector tests, C=FR", X509KeyUsageFlags usage = X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.DigitalSignature)
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
#else
            return new X509Certificate2(created.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
#endif
        }

        private static readonly Lazy<X509Certificate2> SharedSigningCertificate = new(() => CreateSigningCertificate());
        private static readonly Lazy<X509Certificate2> SharedOtherCertificate = new(() => CreateSigningCertificate("CN=ATTACKER, O=Elsewhere, C=FR"));

        /// <summary>One signature certificate shared by the tests of a run (key generation is slow).</summary>
        public static X509Certificate2 SigningCertificate => SharedSigningCertificate.Value;

        /// <summary>Another key pair, for substitution tests.</summary>
        public static X509Certificate2 OtherCertificate => SharedOtherCertificate.Value;

        public static CertificateSigningCredential SignatureCredential() => new(SigningCertificate, KeyPurposes.Signature);

        /// <summary>A small assertion in the VIHF's shape (no whitespace), unsigned.</summary>
        public static XmlDocument SmallAssertion(string id = "_a1b2c3") =>
            SignedXmlDocument.Load(System.Text.Encoding.UTF8.GetBytes(
                "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ID=\"" + id + "\" IssueInstant=\"2026-01-02T03:04:05.678Z\" Version=\"2.0\">"
                + "<saml2:Issuer Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName\">CN=TEST</saml2:Issuer>"
                + "<saml2:Subject><saml2:NameID>899900063480</saml2:NameID></saml2:Subject>"
                + "<saml2:AttributeStatement><saml2:Attribute Name=\"VIHF_Version\"><saml2:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xsi:type=\"xs:string\">3.0</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement>"
                + "</saml2:Assertion>"));

        public static XmlElement SamlChild(XmlElement parent, string localName)
        {
            foreach (XmlNode child in parent.ChildNodes)
            {
                if (child is XmlElement e && e.LocalName == localName && e.NamespaceURI == SamlNamespace)
                {
                    return e;
                }
            }

            throw new InvalidOperationException("no saml2:" + localName);
        }

        /// <summary>A test doctor (made-up RPPS-based IdNat), with the specialty the DMP requires.</summary>
        public static HealthProfessional TestDoctor(bool withSpecialty = true) => new(
            ProfessionalId.Parse("899900063480"),
            "LIBRE",
            "MAX",
            new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"),
            withSpecialty ? new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)") : null,
            "DR");

        public static HealthcareOrganization TestCabinet() => new(
            StructureId.Parse("499900063480001"),
            "CABINET DR LIBRE",
            new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem, "Cabinet individuel"));
    }
}

namespace DmpConnector.Tests.Support
{
    internal static partial class SampleData
    {
        public static readonly DmpConnector.Security.SoftwareIdentity TestSoftware = new("DmpConnector tests", "0.1", "TEST-HOMOLOGATION", "01.02.03.04");
    }
}

namespace DmpConnector.Tests.Support
{
    internal static partial class SampleData
    {
        public const string SubmissionSetUniqueId = "1.2.250.1.999.1.1.9999.3.1";
        public const string CdaUniqueId = "1.2.250.1.999.1.1.9999.4.1";
        public const string PdfUniqueId = "1.2.250.1.999.1.1.9999.4.2";
        public const string SignatureUniqueId = "1.2.250.1.999.1.1.9999.4.3";

        /// <summary>A small CDA-like XML document (made up) with a BOM-free UTF-8 body, CRLF line ends and a comment.</summary>
        public static byte[] SampleCda() => System.Text.Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\r\n  <!-- test document -->\r\n  <title>Compte rendu de test</title>\r\n  <component><nonXMLBody><text mediaType=\"text/plain\" representation=\"B64\">VGVzdA==</text></nonXMLBody></component>\r\n</ClinicalDocument>\r\n");

        public static byte[] SamplePdf() => new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0xFF, 0x10, 0x20 };

        public static System.Collections.Generic.List<DmpConnector.Security.XadesDocumentReference> SampleSubmission(byte[]? cda = null, byte[]? pdf = null) => new()
        {
            DmpConnector.Security.XadesDocumentReference.ForSubmissionSet(SubmissionSetUniqueId),
            new DmpConnector.Security.XadesDocumentReference(CdaUniqueId, () => new System.IO.MemoryStream(cda ?? SampleCda(), writable: false), canonicalizeXml: true),
            new DmpConnector.Security.XadesDocumentReference(PdfUniqueId, () => new System.IO.MemoryStream(pdf ?? SamplePdf(), writable: false), canonicalizeXml: false),
        };
    }
}
