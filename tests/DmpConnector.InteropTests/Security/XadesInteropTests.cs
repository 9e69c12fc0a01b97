using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Security
{
    /// <summary>The XAdES submission-set signature against xmlsec1 and the official TD2.1 signature document (read in place).</summary>
    public class XadesInteropTests
    {
        private const string Xades = "http://uri.etsi.org/01903/v1.1.1#";

        private static XadesSignature Sign(XadesOptions? options = null)
        {
            List<XadesDocumentReference> entries = SampleData.SampleSubmission();
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            return new XadesSubmissionSetSigner(options).Sign(entries[0], entries.Skip(1).ToList(), SampleData.SignatureUniqueId, credential);
        }

        [TestCase(XmlSignatureHash.Sha256)]
        [TestCase(XmlSignatureHash.Sha1)]
        public void Xmlsec1_verifies_our_XAdES_signature_and_its_manifest(XmlSignatureHash hash)
        {
            using var xmlsec = new Xmlsec1();
            string cert = xmlsec.WriteCertificatePem(SampleData.SigningCertificate);
            string file = xmlsec.Write("xades.xml", Sign(new XadesOptions { Hash = hash }).Xml);
            // xmlsec1 resolves the urn:oid: manifest references through files we map (it cannot resolve them itself).
            string cda = Path.Combine(xmlsec.Folder, "cda.xml");
            File.WriteAllBytes(cda, SampleData.SampleCda());
            string pdf = Path.Combine(xmlsec.Folder, "doc.pdf");
            File.WriteAllBytes(pdf, SampleData.SamplePdf());
            string ss = xmlsec.Write("ss.txt", SampleData.SubmissionSetUniqueId);

            var (code, output) = xmlsec.Run(
                "--verify", "--id-attr:Id", Xades + ":SignedProperties", "--pubkey-cert-pem", cert,
                "--url-map:urn:oid:" + SampleData.SubmissionSetUniqueId, ss,
                "--url-map:urn:oid:" + SampleData.CdaUniqueId, cda,
                "--url-map:urn:oid:" + SampleData.PdfUniqueId, pdf,
                file);

            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("SignedInfo References (ok/all): 2/2"));
            Assert.That(output, Does.Contain("Manifests References (ok/all): 3/3"));
        }

        [Test]
        public void Xmlsec1_finds_a_changed_document_in_the_manifest()
        {
            using var xmlsec = new Xmlsec1();
            string cert = xmlsec.WriteCertificatePem(SampleData.SigningCertificate);
            string file = xmlsec.Write("xades.xml", Sign().Xml);
            string cda = Path.Combine(xmlsec.Folder, "cda.xml");
            File.WriteAllBytes(cda, SampleData.SampleCda());
            byte[] changed = SampleData.SamplePdf();
            changed[0] ^= 1;
            string pdf = Path.Combine(xmlsec.Folder, "doc.pdf");
            File.WriteAllBytes(pdf, changed);
            string ss = xmlsec.Write("ss.txt", SampleData.SubmissionSetUniqueId);

            var (_, output) = xmlsec.Run(
                "--verify", "--id-attr:Id", Xades + ":SignedProperties", "--pubkey-cert-pem", cert,
                "--url-map:urn:oid:" + SampleData.SubmissionSetUniqueId, ss,
                "--url-map:urn:oid:" + SampleData.CdaUniqueId, cda,
                "--url-map:urn:oid:" + SampleData.PdfUniqueId, pdf,
                file);

            Assert.That(output, Does.Contain("Manifests References (ok/all): 2/3"));
        }

        public static IEnumerable<TestCaseData> OfficialSignature() => ReferenceMaterial.Cases("dmp-messages/TD2.1-SignatureXades.xml");

        [TestCaseSource(nameof(OfficialSignature))]
        public void The_official_signature_verifies_and_its_CDA_digest_matches_the_official_CDA(string path)
        {
            XmlDocument signature = SignedXmlDocument.Load(File.ReadAllBytes(path));
            string cda = ReferenceMaterial.Find("dmp-messages/TD2.1-DocumentME2.xml")!;
            var received = new[]
            {
                XadesDocumentReference.ForSubmissionSet("1.2.250.1.999.1.1.7898.3.9956570900"),
                XadesDocumentReference.FromFile("1.2.250.1.999.1.1.7898.4.9956570902", cda, canonicalizeXml: true),
            };

            XadesVerification report = new XadesVerifier(new XadesVerificationOptions { AllowSha1 = true }).Inspect(signature, received);

            Assert.That(report.PurposeOfSignature, Is.EqualTo("1.2.840.10065.1.12.1.14"));
            Assert.That(report.SigningTime, Is.EqualTo("2019-04-04T14:20:12.282+02:00"));
            // The signature value and its SignedInfo digests (manifest, SignedProperties) verify: Inspect did not throw.
            // Neither manifest digest matches the published files: the SubmissionSet one is the placeholder AA==, and the
            // CDA one matches neither the published CDA nor its MIME part, canonicalized with or without comments (the
            // example was evidently signed over another version of the CDA). A verifier must therefore refuse it.
            Assert.That(report.References.Select(r => r.Received), Is.EqualTo(new[] { true, true }));
            Assert.That(report.References.Select(r => r.Matches), Is.EqualTo(new[] { false, false }));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier(new XadesVerificationOptions { AllowSha1 = true }).Verify(signature, received))!.Rule, Is.EqualTo(SignatureRules.Manifest));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XadesVerifier().Inspect(signature, received))!.Rule, Is.EqualTo(SignatureRules.Algorithm));
        }

        [TestCaseSource(nameof(OfficialSignature))]
        public void Our_signature_has_the_structure_of_the_official_one(string path)
        {
            XmlDocument official = SignedXmlDocument.Load(File.ReadAllBytes(path));
            XmlDocument ours = SignedXmlDocument.Load(Encoding.UTF8.GetBytes(Sign(new XadesOptions { Hash = XmlSignatureHash.Sha1 }).Xml));

            // Distinct element paths and their attribute names; the official example's un-namespaced SignatureProperties
            // (pitfall 33) is read as the xmldsig element it should be.
            Assert.That(Paths(ours.DocumentElement!), Is.EquivalentTo(Paths(official.DocumentElement!)));
        }

        private static SortedSet<string> Paths(XmlElement root)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            void Walk(XmlElement element, string parent)
            {
                string ns = element.NamespaceURI.Length == 0 ? "http://www.w3.org/2000/09/xmldsig#" : element.NamespaceURI;
                string path = parent + "/{" + ns + "}" + element.LocalName;
                string attributes = string.Join(",", element.Attributes.Cast<XmlAttribute>().Where(a => a.Prefix != "xmlns" && a.Name != "xmlns").Select(a => a.LocalName).OrderBy(a => a, StringComparer.Ordinal));
                paths.Add(path + "[" + attributes + "]");
                foreach (XmlElement child in element.ChildNodes.OfType<XmlElement>())
                {
                    Walk(child, path);
                }
            }

            Walk(root, string.Empty);
            return paths;
        }
    }
}
