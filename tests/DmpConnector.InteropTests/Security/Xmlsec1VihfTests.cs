using System;
using System.IO;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Security
{
    /// <summary>xmlsec1 as an independent peer for the VIHF signature, both ways.</summary>
    public class Xmlsec1VihfTests
    {
        private const string AssertionId = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";
        private static readonly Ins Patient = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);

        private static VihfAssertion Build(VihfAuthenticationMode mode, XmlSignatureHash hash)
        {
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            var options = new VihfOptions { Signature = new XmlSignatureOptions { Hash = hash } };
            var user = new VihfUserContext(SampleData.TestDoctor(), SampleData.TestCabinet(), SampleData.TestSoftware, mode);
            return new VihfBuilder(options).BuildSigned(user, Patient, VihfAccessMode.Normal, credential);
        }

        [Test]
        public void Xmlsec1_verifies_our_VIHF(
            [Values] VihfAuthenticationMode mode,
            [Values] XmlSignatureHash hash)
        {
            using var xmlsec = new Xmlsec1();
            string cert = xmlsec.WriteCertificatePem(SampleData.SigningCertificate);
            string file = xmlsec.Write("vihf.xml", Build(mode, hash).Xml);

            var (code, output) = xmlsec.Run("--verify", "--id-attr:ID", AssertionId, "--pubkey-cert-pem", cert, file);

            Assert.That(code, Is.Zero, output);
            Assert.That(output, Does.Contain("OK"));
        }

        [Test]
        public void Xmlsec1_rejects_our_VIHF_once_a_signed_value_changed()
        {
            using var xmlsec = new Xmlsec1();
            string cert = xmlsec.WriteCertificatePem(SampleData.SigningCertificate);
            string file = xmlsec.Write("vihf.xml", Build(VihfAuthenticationMode.Indirect, XmlSignatureHash.Sha256).Xml.Replace(">899900063480<", ">899900063481<", StringComparison.Ordinal));

            var (code, output) = xmlsec.Run("--verify", "--id-attr:ID", AssertionId, "--pubkey-cert-pem", cert, file);

            Assert.That(code, Is.Not.Zero, output);
        }

        [TestCase(XmlSignatureHash.Sha256, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2001/04/xmlenc#sha256")]
        [TestCase(XmlSignatureHash.Sha1, "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1")]
        public void Our_verifier_accepts_an_assertion_xmlsec1_signed(XmlSignatureHash hash, string signatureMethod, string digestMethod)
        {
            using var xmlsec = new Xmlsec1();
            string cert = xmlsec.WriteCertificatePem(SampleData.SigningCertificate);
            string key = xmlsec.WriteKeyPem(SampleData.SigningCertificate);
            VihfAssertion unsigned = new VihfBuilder().BuildUnsigned(
                new VihfUserContext(SampleData.TestDoctor(), SampleData.TestCabinet(), SampleData.TestSoftware, VihfAuthenticationMode.Indirect),
                Patient,
                VihfAccessMode.BrisDeGlace,
                VihfBuilder.IssuerNameOf(SampleData.SigningCertificate));
            XmlDocument template = unsigned.ToXmlDocument();
            string id = template.DocumentElement!.GetAttribute("ID");
            XmlDocument signatureTemplate = SignedXmlDocument.Load(System.Text.Encoding.UTF8.GetBytes(
                "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + $"<SignatureMethod Algorithm=\"{signatureMethod}\"/>"
                + $"<Reference URI=\"#{id}\"><Transforms><Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                + "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                + $"<DigestMethod Algorithm=\"{digestMethod}\"/><DigestValue/></Reference></SignedInfo>"
                + "<SignatureValue/><KeyInfo><X509Data><X509Certificate/></X509Data></KeyInfo></Signature>"));
            XmlElement root = template.DocumentElement!;
            root.InsertAfter(template.ImportNode(signatureTemplate.DocumentElement!, true), root.FirstChild);
            string file = xmlsec.Write("template.xml", template.OuterXml);
            string signedPath = Path.Combine(xmlsec.Folder, "signed.xml");

            var (code, output) = xmlsec.Run("--sign", "--id-attr:ID", AssertionId, "--privkey-pem", key + "," + cert, "--output", signedPath, file);
            Assert.That(code, Is.Zero, output);

            XmlDocument signed = SignedXmlDocument.Load(File.ReadAllBytes(signedPath));
            var options = new XmlSignatureVerificationOptions { AllowSha1 = hash == XmlSignatureHash.Sha1, ExpectedCertificate = SampleData.SigningCertificate };
            XmlSignatureVerification result = new XmlSignatureVerifier(options).Verify(signed);
            Assert.That(result.SignatureMethod, Is.EqualTo(signatureMethod));
        }

        [TestCaseSource(typeof(OfficialVihfTests), nameof(OfficialVihfTests.SignedExamples))]
        public void Xmlsec1_also_finds_the_official_examples_digest_stale(string path)
        {
            using var xmlsec = new Xmlsec1();
            XmlDocument document = SignedXmlDocument.Load(File.ReadAllBytes(path));
            string file = xmlsec.Write("official.xml", document.OuterXml);

            var (code, output) = xmlsec.Run("--verify", "--insecure", "--id-attr:ID", AssertionId, file);

            Assert.That(code, Is.Not.Zero);
            Assert.That(output, Does.Contain("data and digest do not match"));
        }
    }
}
