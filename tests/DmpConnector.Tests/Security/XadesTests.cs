using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using Moq;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class XadesTests
    {
        private const string Ds = "http://www.w3.org/2000/09/xmldsig#";
        private const string Xades = "http://uri.etsi.org/01903/v1.1.1#";

        private static XadesSignature Sign(XadesOptions? options = null, ISecurityClock? clock = null, List<XadesDocumentReference>? submission = null)
        {
            List<XadesDocumentReference> entries = submission ?? SampleData.SampleSubmission();
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            return new XadesSubmissionSetSigner(options, clock).Sign(entries[0], entries.Skip(1).ToList(), SampleData.SignatureUniqueId, credential);
        }

        private static XmlDocument Load(string xml) => SignedXmlDocument.Load(Encoding.UTF8.GetBytes(xml));

        private static XmlNamespaceManager Ns(XmlDocument document)
        {
            var ns = new XmlNamespaceManager(document.NameTable);
            ns.AddNamespace("ds", Ds);
            ns.AddNamespace("x", Xades);
            return ns;
        }

        [Test]
        public void A_signed_submission_verifies_against_the_documents_received()
        {
            XadesSignature signature = Sign();

            XadesVerification result = new XadesVerifier().Verify(Load(signature.Xml), SampleData.SampleSubmission());

            Assert.That(result.AllReferencesMatch, Is.True);
            Assert.That(result.References.Select(r => r.Uri), Is.EqualTo(new[] { "urn:oid:" + SampleData.SubmissionSetUniqueId, "urn:oid:" + SampleData.CdaUniqueId, "urn:oid:" + SampleData.PdfUniqueId }));
            Assert.That(result.SignerCertificate.Thumbprint, Is.EqualTo(SampleData.SigningCertificate.Thumbprint));
            Assert.That(result.PurposeOfSignature, Is.EqualTo("1.2.840.10065.1.12.1.14"));
        }

        [Test]
        public void The_structure_is_that_of_the_IHE_DSG_submission_set_signature()
        {
            XmlDocument document = Load(Sign().Xml);
            XmlNamespaceManager ns = Ns(document);
            XmlElement root = document.DocumentElement!;
            string id = root.GetAttribute("Id");

            Assert.Multiple(() =>
            {
                Assert.That(id, Does.Match("^[A-Za-z_]"), "an xs:ID does not start with a digit");
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:CanonicalizationMethod/@Algorithm", ns)!.Value, Is.EqualTo(XmlSignatureAlgorithms.C14NWithComments));
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:SignatureMethod/@Algorithm", ns)!.Value, Is.EqualTo(XmlSignatureAlgorithms.RsaSha256));
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:Reference[1]/@URI", ns)!.Value, Is.EqualTo("#IHEManifest"));
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:Reference[1]/@Type", ns)!.Value, Is.EqualTo("http://www.w3.org/2000/09/xmldsig#Manifest"));
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:Reference[2]/@URI", ns)!.Value, Is.EqualTo("#S0-SignedProperties"));
                Assert.That(root.SelectSingleNode("ds:SignedInfo/ds:Reference[2]/@Type", ns)!.Value, Is.EqualTo("http://uri.etsi.org/01903/v1.1.1#SignedProperties"));
                Assert.That(root.SelectNodes("ds:Object/ds:Manifest[@Id='IHEManifest']/ds:Reference", ns), Has.Count.EqualTo(3));
                Assert.That(root.SelectSingleNode("ds:Object/ds:Manifest/ds:Reference[1]/ds:Transforms", ns), Is.Null, "the SubmissionSet entry is not XML");
                Assert.That(root.SelectSingleNode("ds:Object/ds:Manifest/ds:Reference[2]/ds:Transforms/ds:Transform/@Algorithm", ns)!.Value, Is.EqualTo(XmlSignatureAlgorithms.C14NWithComments));
                Assert.That(root.SelectSingleNode("ds:Object/ds:SignatureProperties/ds:SignatureProperty[@Id='purposeOfSignature']/@Target", ns)!.Value, Is.EqualTo("#" + id));
                Assert.That(root.SelectSingleNode("ds:Object/x:QualifyingProperties/@Target", ns)!.Value, Is.EqualTo("#" + id));
                Assert.That(root.SelectSingleNode("ds:Object/x:QualifyingProperties/x:SignedProperties/x:SignedSignatureProperties/x:SigningTime", ns), Is.Not.Null);
                Assert.That(root.SelectSingleNode("ds:Object/x:QualifyingProperties/x:SignedProperties/x:SignedSignatureProperties/x:SigningCertificate/x:Cert/x:IssuerSerial/ds:X509SerialNumber", ns)!.InnerText, Does.Match("^[0-9]+$"));
                Assert.That(root.SelectSingleNode("ds:Object/x:QualifyingProperties/x:SignedProperties/x:SignedSignatureProperties/x:SignaturePolicyIdentifier/x:SignaturePolicyImplied", ns), Is.Not.Null);
            });
        }

        [Test]
        public void The_signature_is_valid_against_the_xmldsig_and_XAdES_schemas()
        {
            string xml = Sign().Xml;

            IReadOnlyList<string> errors = XmlShape.Validate(xml, Ds, Path.Combine("schemas", "saml-wss", "SAML", "xmldsig-core-schema.xsd"), set =>
            {
                set.Add(Xades, Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "saml-wss", "XAdES", "XAdES.xsd"));
                return set;
            });

            // One known deviation, shared with the official example and the IHE DSG layout: the purpose of signature is
            // text inside ds:SignatureProperty, whose schema type wants an element from another namespace.
            Assert.That(errors, Is.Not.Empty.And.All.Contains("'SignatureProperty'"));
            Assert.That(errors, Has.Count.EqualTo(1));
        }

        [Test]
        public void Manifest_digests_are_recomputed_from_what_was_received()
        {
            XmlDocument signature = Load(Sign().Xml);
            byte[] changedPdf = SampleData.SamplePdf();
            changedPdf[^1] ^= 1;
            List<XadesDocumentReference> received = SampleData.SampleSubmission(pdf: changedPdf);

            XadesVerification report = new XadesVerifier().Inspect(signature, received);
            Assert.That(report.References.Select(r => r.Matches), Is.EqualTo(new[] { true, true, false }));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(signature, received))!.Rule, Is.EqualTo(SignatureRules.Manifest));
        }

        [Test]
        public void A_missing_or_an_unreferenced_document_fails()
        {
            XmlDocument signature = Load(Sign().Xml);
            List<XadesDocumentReference> missing = SampleData.SampleSubmission();
            missing.RemoveAt(2);
            List<XadesDocumentReference> extra = SampleData.SampleSubmission();
            extra.Add(new XadesDocumentReference("1.2.3.4", () => new MemoryStream(new byte[1]), canonicalizeXml: false));

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(signature, missing))!.Rule, Is.EqualTo(SignatureRules.Manifest));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(signature, extra))!.Rule, Is.EqualTo(SignatureRules.Manifest));
        }

        [Test]
        public void An_XML_document_whose_line_ends_or_BOM_changed_still_matches_through_canonicalization()
        {
            XmlDocument signature = Load(Sign().Xml);
            byte[] reformatted = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleData.SampleCda()).Replace("\r\n", "\n", StringComparison.Ordinal))).ToArray();

            Assert.That(new XadesVerifier().Verify(signature, SampleData.SampleSubmission(cda: reformatted)).AllReferencesMatch, Is.True);
        }

        [Test]
        public void A_changed_comment_in_the_CDA_breaks_the_c14n_with_comments_digest()
        {
            XmlDocument signature = Load(Sign().Xml);
            byte[] changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleData.SampleCda()).Replace("test document", "test d0cument", StringComparison.Ordinal));

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(signature, SampleData.SampleSubmission(cda: changed)))!.Rule, Is.EqualTo(SignatureRules.Manifest));
        }

        [TestCase("SigningTime")]
        [TestCase("Manifest")]
        [TestCase("Purpose")]
        public void Changing_signed_content_of_the_signature_fails(string part)
        {
            XmlDocument signature = Load(Sign().Xml);
            XmlNamespaceManager ns = Ns(signature);
            XmlNode node = part switch
            {
                "SigningTime" => signature.SelectSingleNode("//x:SigningTime", ns)!,
                "Manifest" => signature.SelectSingleNode("//ds:Manifest/ds:Reference[3]/ds:DigestValue", ns)!,
                _ => signature.SelectSingleNode("//ds:SignatureProperty", ns)!,
            };
            node.InnerText = part == "Manifest" ? Convert.ToBase64String(new byte[32]) : node.InnerText.Replace('1', '2');
            XmlDocument reloaded = Load(signature.OuterXml);

            if (part == "Purpose")
            {
                // The purpose property is not covered by SignedInfo in the IHE DSG layout (nor in the official example).
                Assert.That(new XadesVerifier().Verify(reloaded, SampleData.SampleSubmission()).PurposeOfSignature, Is.Not.EqualTo("1.2.840.10065.1.12.1.14"));
                return;
            }

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(reloaded, SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Invalid));
        }

        [Test]
        public void A_comment_slipped_into_the_manifest_is_refused()
        {
            XmlDocument signature = Load(Sign().Xml);
            XmlNode digest = signature.SelectSingleNode("//ds:Manifest/ds:Reference[1]/ds:DigestValue", Ns(signature))!;
            digest.AppendChild(signature.CreateComment("x"));

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(Load(signature.OuterXml), SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Comment));
        }

        [Test]
        public void SHA1_only_when_configured_and_accepted_only_when_allowed()
        {
            XadesSignature sha1 = Sign(new XadesOptions { Hash = XmlSignatureHash.Sha1 });
            XmlDocument document = Load(sha1.Xml);

            Assert.That(sha1.Xml, Does.Contain(XmlSignatureAlgorithms.RsaSha1));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(document, SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Algorithm));
            Assert.That(new XadesVerifier(new XadesVerificationOptions { AllowSha1 = true }).Verify(document, SampleData.SampleSubmission()).AllReferencesMatch, Is.True);
            Assert.That(Sign().Xml, Does.Not.Contain("sha1"));
        }

        [Test]
        public void Canonicalization_is_configurable()
        {
            XadesSignature exclusive = Sign(new XadesOptions { Canonicalization = XmlSignatureAlgorithms.ExclusiveC14N });

            Assert.That(exclusive.Xml, Does.Contain("<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\""));
            Assert.That(new XadesVerifier().Verify(Load(exclusive.Xml), SampleData.SampleSubmission()).AllReferencesMatch, Is.True);
            Assert.That(Assert.Throws<DmpInputException>(() => new XadesSubmissionSetSigner(new XadesOptions { Canonicalization = "urn:unknown" }))!.Rule, Is.EqualTo(XadesRules.Canonicalization));
        }

        [Test]
        public void The_signer_certificate_must_be_the_one_of_SigningCertificate_and_the_expected_one()
        {
            XmlDocument document = Load(Sign().Xml);
            using var expected = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(SampleData.OtherCertificate.RawData);

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier(new XadesVerificationOptions { ExpectedCertificate = expected }).Verify(document, SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Certificate));
        }

        [Test]
        public void SigningTime_and_metadata()
        {
            var clock = new Mock<ISecurityClock>();
            clock.SetupGet(c => c.UtcNow).Returns(new DateTimeOffset(2026, 5, 6, 7, 8, 9, 10, TimeSpan.Zero));

            XadesSignature signature = Sign(clock: clock.Object);
            XadesVerification result = new XadesVerifier().Verify(Load(signature.Xml), SampleData.SampleSubmission());
            XadesSignatureMetadata metadata = signature.Metadata;

            Assert.Multiple(() =>
            {
                Assert.That(result.SigningTime, Is.EqualTo("2026-05-06T07:08:09.010Z"));
                Assert.That(metadata.CreationTime, Is.EqualTo(new DateTimeOffset(2026, 5, 6, 7, 8, 9, 10, TimeSpan.Zero)));
                Assert.That(metadata.UniqueId, Is.EqualTo(SampleData.SignatureUniqueId));
                Assert.That(metadata.SignedSubmissionSetUniqueId, Is.EqualTo(SampleData.SubmissionSetUniqueId));
                Assert.That(metadata.SignedDocumentUniqueIds, Is.EqualTo(new[] { SampleData.CdaUniqueId, SampleData.PdfUniqueId }));
                Assert.That(metadata.ClassCode.Code, Is.EqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1"));
                Assert.That(metadata.ClassCode.CodeSystem, Is.EqualTo("URN"));
                Assert.That(metadata.TypeCode.Code, Is.EqualTo("E1762"));
                Assert.That(metadata.TypeCode.CodeSystem, Is.EqualTo("ASTM"));
                Assert.That(metadata.FormatCode.Code, Is.EqualTo("http://www.w3.org/2000/09/xmldsig#"));
                Assert.That(metadata.EventCodes.Single().Code, Is.EqualTo("1.2.840.10065.1.12.1.14"));
                Assert.That(metadata.ConfidentialityCodes.Select(c => c.Code), Is.EqualTo(new[] { "N", "MASQUE_PS", "INVISIBLE_PATIENT" }));
                Assert.That(metadata.LanguageCode, Is.EqualTo("art"));
                Assert.That(metadata.Title, Is.EqualTo("Source"));
                Assert.That(XadesSignatureMetadata.SignsAssociationType, Is.EqualTo("urn:ihe:iti:2007:AssociationType:signs"));
            });
        }

        [Test]
        public void Bad_input_is_typed()
        {
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            var signer = new XadesSubmissionSetSigner();
            List<XadesDocumentReference> entries = SampleData.SampleSubmission();
            var notXml = new XadesDocumentReference("1.2.3", () => new MemoryStream(SampleData.SamplePdf()), canonicalizeXml: true);

            Assert.That(Assert.Throws<DmpInputException>(() => signer.Sign(entries[0], Array.Empty<XadesDocumentReference>(), "1.2", credential))!.Rule, Is.EqualTo(XadesRules.Documents));
            Assert.That(Assert.Throws<DmpInputException>(() => signer.Sign(entries[0], new[] { entries[1], entries[1] }, "1.2", credential))!.Rule, Is.EqualTo(XadesRules.Documents));
            Assert.That(Assert.Throws<DmpInputException>(() => signer.Sign(entries[0], new[] { entries[1] }, " ", credential))!.Rule, Is.EqualTo(XadesRules.UniqueId));
            Assert.That(Assert.Throws<DmpInputException>(() => signer.Sign(entries[0], new[] { notXml }, "1.2", credential))!.Rule, Is.EqualTo(XadesRules.Xml));
            Assert.That(Assert.Throws<DmpInputException>(() => _ = new XadesDocumentReference("", () => Stream.Null, false))!.Rule, Is.EqualTo(XadesRules.UniqueId));
            using var authentication = new CertificateSigningCredential(SampleData.SigningCertificate, KeyPurposes.Authentication);
            Assert.Throws<KeyPurposeException>(() => signer.Sign(entries[0], new[] { entries[1] }, "1.2", authentication));
        }

        [Test]
        public void Shapes_that_are_not_a_submission_set_signature_are_refused()
        {
            XmlDocument vihf = SampleData.SmallAssertion();
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(vihf, SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Missing));

            XmlDocument outside = Load(Sign().Xml);
            XmlNamespaceManager ns = Ns(outside);
            var reference = (XmlElement)outside.SelectSingleNode("//ds:SignedInfo/ds:Reference[1]", ns)!;
            reference.SetAttribute("URI", "#elsewhere");
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(Load(outside.OuterXml), SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.Reference));

            XmlDocument duplicate = Load(Sign().Xml);
            ((XmlElement)duplicate.SelectSingleNode("//ds:SignatureProperty", Ns(duplicate))!).SetAttribute("Id", "IHEManifest");
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Verify(Load(duplicate.OuterXml), SampleData.SampleSubmission()))!.Rule, Is.EqualTo(SignatureRules.DuplicateId));
        }
    }
}
