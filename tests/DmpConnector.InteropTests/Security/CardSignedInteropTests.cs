using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Security
{
    /// <summary>
    /// VIHF and XAdES signed on the CPS-like SoftHSM2 token (the private key never leaves it), checked by xmlsec1 — an
    /// independent libxml2/OpenSSL stack — and by our own verifiers. Pitfall 14: the authentication key is refused.
    /// </summary>
    public class CardSignedInteropTests
    {
        private const string AssertionId = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";
        private const string Xades = "http://uri.etsi.org/01903/v1.1.1#";
        private static readonly Ins Patient = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);

        private static Pkcs11Token OpenCard(PinCount pins) => Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath)
        {
            TokenLabel = SoftHsmToken.Label,
            PinCallback = pins.Provide,
        });

        private static VihfUserContext Doctor() => new(SampleData.TestDoctor(), SampleData.TestCabinet(), SampleData.TestSoftware, VihfAuthenticationMode.Direct);

        [TestCase(XmlSignatureHash.Sha256)]
        [TestCase(XmlSignatureHash.Sha1)]
        public void A_VIHF_signed_on_the_card_verifies_with_xmlsec1_and_with_our_verifier(XmlSignatureHash hash)
        {
            var pins = new PinCount();
            using Pkcs11Token card = OpenCard(pins);
            using Pkcs11SigningCredential signature = card.GetCredential(KeyPurposes.Signature);
            var options = new VihfOptions { Signature = new XmlSignatureOptions { Hash = hash } };

            VihfAssertion vihf = new VihfBuilder(options).BuildSigned(Doctor(), Patient, VihfAccessMode.Normal, signature);

            using var xmlsec = new Xmlsec1();
            string file = xmlsec.Write("vihf.xml", vihf.Xml);
            var (code, output) = xmlsec.Run("--verify", "--id-attr:ID", AssertionId, "--pubkey-cert-pem", SoftHsmToken.Shared.SignatureCertificatePath, file);
            XmlSignatureVerification ours = new XmlSignatureVerifier(new XmlSignatureVerificationOptions
            {
                AllowSha1 = hash == XmlSignatureHash.Sha1,
                ExpectedCertificate = SoftHsmToken.Shared.SignatureCertificate,
            }).Verify(SignedXmlDocument.Load(Encoding.UTF8.GetBytes(vihf.Xml)));

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero, output);
                Assert.That(output, Does.Contain("OK"));
                Assert.That(ours.SignerCertificate.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.SignatureCertificate.Thumbprint));
                Assert.That(vihf.Xml, Does.Contain(SoftHsmToken.ProfessionalIdNat), "the Issuer is the card certificate's subject");
                Assert.That(pins.Calls, Is.LessThanOrEqualTo(1), "at most one login (login is per application: another test may have logged in already)");
            });
        }

        [Test]
        public void Xmlsec1_rejects_a_card_signed_VIHF_against_the_authentication_certificate()
        {
            var pins = new PinCount();
            using Pkcs11Token card = OpenCard(pins);
            using Pkcs11SigningCredential signature = card.GetCredential(KeyPurposes.Signature);
            VihfAssertion vihf = new VihfBuilder().BuildSigned(Doctor(), Patient, VihfAccessMode.Normal, signature);

            using var xmlsec = new Xmlsec1();
            string file = xmlsec.Write("vihf.xml", vihf.Xml);
            var (code, output) = xmlsec.Run("--verify", "--id-attr:ID", AssertionId, "--pubkey-cert-pem", SoftHsmToken.Shared.AuthenticationCertificatePath, file);

            Assert.That(code, Is.Not.Zero, output);
        }

        [Test]
        public void The_card_authentication_key_is_refused_for_a_VIHF_and_a_XAdES_before_the_PIN_is_asked()
        {
            var pins = new PinCount();
            using Pkcs11Token card = OpenCard(pins);
            using Pkcs11SigningCredential authentication = card.GetCredential(KeyPurposes.Authentication);
            List<XadesDocumentReference> entries = SampleData.SampleSubmission();

            var vihf = Assert.Throws<KeyPurposeException>(() => new VihfBuilder().BuildSigned(Doctor(), Patient, VihfAccessMode.Normal, authentication));
            var xades = Assert.Throws<KeyPurposeException>(() => new XadesSubmissionSetSigner().Sign(entries[0], entries.Skip(1).ToList(), SampleData.SignatureUniqueId, authentication));

            Assert.Multiple(() =>
            {
                Assert.That(vihf!.Message, Does.Contain(KeyPurposeException.Rule));
                Assert.That(xades!.Message, Does.Contain(KeyPurposeException.Rule));
                Assert.That(pins.Calls, Is.Zero, "the card was never asked to sign");
            });
        }

        [Test]
        public void A_XAdES_signed_on_the_card_verifies_with_xmlsec1_and_with_our_verifier()
        {
            var pins = new PinCount();
            using Pkcs11Token card = OpenCard(pins);
            using Pkcs11SigningCredential signature = card.GetCredential(KeyPurposes.Signature);
            List<XadesDocumentReference> entries = SampleData.SampleSubmission();

            XadesSignature signed = new XadesSubmissionSetSigner().Sign(entries[0], entries.Skip(1).ToList(), SampleData.SignatureUniqueId, signature);

            using var xmlsec = new Xmlsec1();
            string file = xmlsec.Write("xades.xml", signed.Xml);
            string cda = Path.Combine(xmlsec.Folder, "cda.xml");
            File.WriteAllBytes(cda, SampleData.SampleCda());
            string pdf = Path.Combine(xmlsec.Folder, "doc.pdf");
            File.WriteAllBytes(pdf, SampleData.SamplePdf());
            string ss = xmlsec.Write("ss.txt", SampleData.SubmissionSetUniqueId);
            var (code, output) = xmlsec.Run(
                "--verify", "--id-attr:Id", Xades + ":SignedProperties", "--pubkey-cert-pem", SoftHsmToken.Shared.SignatureCertificatePath,
                "--url-map:urn:oid:" + SampleData.SubmissionSetUniqueId, ss,
                "--url-map:urn:oid:" + SampleData.CdaUniqueId, cda,
                "--url-map:urn:oid:" + SampleData.PdfUniqueId, pdf,
                file);
            XadesVerification ours = new XadesVerifier(new XadesVerificationOptions { ExpectedCertificate = SoftHsmToken.Shared.SignatureCertificate })
                .Verify(SignedXmlDocument.Load(Encoding.UTF8.GetBytes(signed.Xml)), SampleData.SampleSubmission());

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero, output);
                Assert.That(output, Does.Contain("SignedInfo References (ok/all): 2/2"));
                Assert.That(output, Does.Contain("Manifests References (ok/all): 3/3"));
                Assert.That(ours.AllReferencesMatch, Is.True);
                Assert.That(ours.SignerCertificate.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.SignatureCertificate.Thumbprint));
            });
        }

        /// <summary>A PIN callback that counts its calls.</summary>
        internal sealed class PinCount
        {
            private int _calls;

            public int Calls => _calls;

            public string? Provide(Pkcs11PinRequest request)
            {
                _ = request;
                System.Threading.Interlocked.Increment(ref _calls);
                return SoftHsmToken.Pin;
            }
        }
    }
}
