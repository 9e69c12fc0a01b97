using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using DmpConnector.Internal;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class XmlSignatureTests
    {
        private static XmlDocument SignedAssertion(XmlSignatureOptions? options = null, string id = "_a1b2c3")
        {
            XmlDocument document = SampleData.SmallAssertion(id);
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            XmlElement root = document.DocumentElement!;
            new EnvelopedXmlSigner(options).Sign(root, "ID", credential, SampleData.SamlChild(root, "Issuer"));
            return document;
        }

        private static XmlDocument Reload(XmlDocument document) => SafeXml.LoadDocument(document.OuterXml);

        private static string RuleOf(XmlDocument document, XmlSignatureVerificationOptions? options = null) =>
            Assert.Throws<SignatureVerificationException>(() => new XmlSignatureVerifier(options).Verify(document))!.Rule;

        private static XmlNamespaceManager Namespaces(XmlDocument document)
        {
            var ns = new XmlNamespaceManager(document.NameTable);
            ns.AddNamespace("saml2", SampleData.SamlNamespace);
            ns.AddNamespace("ds", XmlSignatureAlgorithms.XmlDsigNamespace);
            return ns;
        }

        [Test]
        public void A_signed_assertion_verifies_and_returns_the_signer_certificate()
        {
            XmlDocument document = Reload(SignedAssertion());

            XmlSignatureVerification result = new XmlSignatureVerifier().Verify(document);

            Assert.That(result.SignerCertificate.Thumbprint, Is.EqualTo(SampleData.SigningCertificate.Thumbprint));
            Assert.That(result.SignatureMethod, Is.EqualTo(XmlSignatureAlgorithms.RsaSha256));
            Assert.That(result.DigestMethod, Is.EqualTo(XmlSignatureAlgorithms.Sha256));
            Assert.That(result.SignedElementId, Is.EqualTo("_a1b2c3"));
        }

        [Test]
        public void The_signature_follows_Issuer_and_uses_exclusive_c14n_with_the_ANS_prefix_list()
        {
            XmlDocument document = SignedAssertion();
            XmlNamespaceManager ns = Namespaces(document);
            XmlElement root = document.DocumentElement!;

            Assert.That(root.ChildNodes[0]!.LocalName, Is.EqualTo("Issuer"));
            Assert.That(root.ChildNodes[1]!.LocalName, Is.EqualTo("Signature"));
            Assert.That(root.SelectSingleNode("ds:Signature/ds:SignedInfo/ds:CanonicalizationMethod/@Algorithm", ns)!.Value, Is.EqualTo(XmlSignatureAlgorithms.ExclusiveC14N));
            XmlNodeList prefixLists = root.SelectNodes("ds:Signature//*[local-name()='InclusiveNamespaces']/@PrefixList", ns)!;
            Assert.That(prefixLists, Has.Count.EqualTo(2), "in SignedInfo's c14n and in the reference transform");
            foreach (XmlNode list in prefixLists)
            {
                Assert.That(list.Value, Is.EqualTo("ds saml #default xsi"));
            }

            Assert.That(root.SelectSingleNode("ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate", ns)!.InnerText, Is.EqualTo(Convert.ToBase64String(SampleData.SigningCertificate.RawData)));
            Assert.That(root.SelectSingleNode("ds:Signature/ds:SignedInfo/ds:Reference/@URI", ns)!.Value, Is.EqualTo("#_a1b2c3"));
        }

        [Test]
        public void SHA1_is_used_only_when_configured_and_accepted_only_when_allowed()
        {
            XmlDocument sha1 = Reload(SignedAssertion(new XmlSignatureOptions { Hash = XmlSignatureHash.Sha1 }));

            Assert.That(sha1.OuterXml, Does.Contain(XmlSignatureAlgorithms.RsaSha1));
            Assert.That(RuleOf(sha1), Is.EqualTo(SignatureRules.Algorithm));
            Assert.That(new XmlSignatureVerifier(new XmlSignatureVerificationOptions { AllowSha1 = true }).Verify(sha1).SignatureMethod, Is.EqualTo(XmlSignatureAlgorithms.RsaSha1));
            Assert.That(SignedAssertion().OuterXml, Does.Not.Contain("sha1"));
        }

        [Test]
        public void No_prefix_list_is_written_when_none_is_configured()
        {
            XmlDocument document = Reload(SignedAssertion(new XmlSignatureOptions { InclusiveNamespacesPrefixList = null }));

            Assert.That(document.OuterXml, Does.Not.Contain("InclusiveNamespaces"));
            Assert.DoesNotThrow(() => new XmlSignatureVerifier().Verify(document));
        }

        [Test]
        public void An_authentication_key_cannot_sign()
        {
            XmlDocument document = SampleData.SmallAssertion();
            using var credential = new CertificateSigningCredential(SampleData.SigningCertificate, KeyPurposes.Authentication);

            Assert.Throws<KeyPurposeException>(() => new EnvelopedXmlSigner().Sign(document.DocumentElement!, "ID", credential, null));
            Assert.That(document.OuterXml, Does.Not.Contain("Signature"), "nothing half-written");
        }

        [Test]
        public void The_signer_refuses_an_element_without_id_or_with_a_duplicate_id()
        {
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            XmlDocument document = SampleData.SmallAssertion();
            document.DocumentElement!.RemoveAttribute("ID");
            Assert.That(Assert.Throws<DmpInputException>(() => new EnvelopedXmlSigner().Sign(document.DocumentElement!, "ID", credential, null))!.Rule, Is.EqualTo(SignatureRules.DuplicateId));

            XmlDocument duplicate = SampleData.SmallAssertion();
            SampleData.SamlChild(duplicate.DocumentElement!, "Subject").SetAttribute("ID", "_a1b2c3");
            Assert.That(Assert.Throws<DmpInputException>(() => new EnvelopedXmlSigner().Sign(duplicate.DocumentElement!, "ID", credential, null))!.Rule, Is.EqualTo(SignatureRules.DuplicateId));
        }

        [Test]
        public void Tampering_with_any_signed_character_fails_verification()
        {
            string signed = SignedAssertion().OuterXml;
            int signatureStart = signed.IndexOf("<Signature", StringComparison.Ordinal);
            int signatureEnd = signed.IndexOf("</Signature>", StringComparison.Ordinal) + "</Signature>".Length;
            var verifier = new XmlSignatureVerifier();
            int tried = 0;
            bool inTag = false;
            char quote = '\0';
            for (int i = 0; i < signed.Length; i++)
            {
                char c = signed[i];
                if (i >= signatureStart && i < signatureEnd)
                {
                    continue;
                }

                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                        continue;
                    }
                }
                else if (c == '<')
                {
                    inTag = true;
                    continue;
                }
                else if (c == '>')
                {
                    inTag = false;
                    continue;
                }
                else if (inTag && c is '"' or '\'')
                {
                    quote = c;
                    continue;
                }
                else if (inTag)
                {
                    continue; // element and attribute names: a changed name is still a change, but often not well-formed
                }

                if (!char.IsLetterOrDigit(c))
                {
                    continue;
                }

                string tampered = signed.Substring(0, i) + (c == 'A' ? 'B' : 'A') + signed.Substring(i + 1);
                XmlDocument document;
                try
                {
                    document = SafeXml.LoadDocument(tampered);
                }
                catch (XmlException)
                {
                    continue;
                }

                tried++;
                Assert.Throws<SignatureVerificationException>(() => verifier.Verify(document), "character " + i.ToString(CultureInfo.InvariantCulture) + ": " + tampered.Substring(Math.Max(0, i - 60), 80));
            }

            Assert.That(tried, Is.GreaterThan(200));
        }

        [Test]
        public void Whitespace_added_after_signing_breaks_the_signature()
        {
            string signed = SignedAssertion().OuterXml.Replace("<saml2:Subject>", "<saml2:Subject>\n  ", StringComparison.Ordinal);

            Assert.That(RuleOf(SafeXml.LoadDocument(signed)), Is.EqualTo(SignatureRules.Invalid));
        }

        [Test]
        public void Wrapping_moved_assertion_the_signature_over_the_original_is_moved_to_a_forged_root()
        {
            XmlDocument original = SignedAssertion();
            XmlNamespaceManager ns = Namespaces(original);
            XmlDocument forged = SafeXml.LoadDocument(original.OuterXml);
            XmlElement forgedRoot = forged.DocumentElement!;
            forgedRoot.SetAttribute("ID", "_forged");
            forgedRoot.SelectSingleNode("saml2:Subject/saml2:NameID", ns)!.InnerText = "899900000001";
            // The original, signed assertion hides in a ds:Object of the forged one's signature.
            XmlElement signature = (XmlElement)forgedRoot.SelectSingleNode("ds:Signature", ns)!;
            XmlElement hidden = forged.CreateElement("Object", XmlSignatureAlgorithms.XmlDsigNamespace);
            XmlNode originalRoot = forged.ImportNode(original.DocumentElement!, deep: true);
            originalRoot.RemoveChild(((XmlElement)originalRoot).SelectSingleNode("ds:Signature", ns)!);
            hidden.AppendChild(originalRoot);
            signature.AppendChild(hidden);

            Assert.That(RuleOf(Reload(forged)), Is.EqualTo(SignatureRules.Reference));

            // Same again with the forged root taking the original id: now two elements carry it.
            forgedRoot.SetAttribute("ID", "_a1b2c3");
            Assert.That(RuleOf(Reload(forged)), Is.EqualTo(SignatureRules.DuplicateId));
        }

        [Test]
        public void Wrapping_second_assertion_beside_the_signed_one_is_rejected()
        {
            XmlDocument original = SignedAssertion();
            XmlDocument wrapper = SafeXml.LoadDocument("<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"/>");
            XmlElement forged = (XmlElement)wrapper.ImportNode(original.DocumentElement!, deep: true);
            XmlElement genuine = (XmlElement)wrapper.ImportNode(original.DocumentElement!, deep: true);
            forged.RemoveChild(forged.ChildNodes[1]!); // the forged copy has no signature of its own
            forged.GetElementsByTagName("NameID", SampleData.SamlNamespace)[0]!.InnerText = "899900000001";
            wrapper.DocumentElement!.AppendChild(forged);
            wrapper.DocumentElement!.AppendChild(genuine);
            XmlDocument reloaded = Reload(wrapper);
            var assertions = reloaded.GetElementsByTagName("Assertion", SampleData.SamlNamespace);

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XmlSignatureVerifier().Verify((XmlElement)assertions[0]!))!.Rule, Is.EqualTo(SignatureRules.Missing));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XmlSignatureVerifier().Verify((XmlElement)assertions[1]!))!.Rule, Is.EqualTo(SignatureRules.DuplicateId));

            // A forged assertion nested inside the signed one (e.g. in an Advice) shares the id too.
            XmlDocument nested = SignedAssertion();
            XmlElement copy = (XmlElement)nested.DocumentElement!.CloneNode(deep: true);
            copy.RemoveChild(copy.ChildNodes[1]!);
            nested.DocumentElement!.AppendChild(copy);
            Assert.That(RuleOf(Reload(nested)), Is.EqualTo(SignatureRules.DuplicateId));
        }

        [Test]
        public void Wrapping_reference_to_another_id_is_rejected_even_when_its_signature_is_valid()
        {
            XmlDocument document = SampleData.SmallAssertion();
            XmlElement root = document.DocumentElement!;
            XmlElement subject = SampleData.SamlChild(root, "Subject");
            subject.SetAttribute("ID", "_subject");
            using RSA key = SampleData.SigningCertificate.GetRSAPrivateKey()!;
            var signedXml = new SignedXml(document) { SigningKey = key };
            signedXml.SignedInfo!.CanonicalizationMethod = XmlSignatureAlgorithms.ExclusiveC14N;
            signedXml.SignedInfo.SignatureMethod = XmlSignatureAlgorithms.RsaSha256;
            var reference = new Reference("#_subject") { DigestMethod = XmlSignatureAlgorithms.Sha256 };
            reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
            reference.AddTransform(new XmlDsigExcC14NTransform());
            signedXml.AddReference(reference);
            signedXml.KeyInfo = new KeyInfo();
            signedXml.KeyInfo.AddClause(new KeyInfoX509Data(SampleData.SigningCertificate));
            signedXml.ComputeSignature();
            root.InsertAfter(document.ImportNode(signedXml.GetXml(), true), SampleData.SamlChild(root, "Issuer"));
            XmlDocument reloaded = Reload(document);

            var library = new SignedXml(reloaded);
            library.LoadXml((XmlElement)reloaded.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!);
            Assert.That(library.CheckSignature(SampleData.SigningCertificate, true), Is.True, "the library alone accepts it");
            Assert.That(RuleOf(reloaded), Is.EqualTo(SignatureRules.Reference));
        }

        [Test]
        public void Wrapping_comment_injected_in_signed_text_is_rejected()
        {
            XmlDocument document = Reload(SignedAssertion());
            XmlElement nameId = (XmlElement)document.GetElementsByTagName("NameID", SampleData.SamlNamespace)[0]!;
            // "899900063480" becomes "8999000634<!---->80": the same canonical text, read as "8999000634" by a naive reader.
            nameId.RemoveAll();
            nameId.AppendChild(document.CreateTextNode("8999000634"));
            nameId.AppendChild(document.CreateComment(string.Empty));
            nameId.AppendChild(document.CreateTextNode("80"));
            XmlDocument reloaded = Reload(document);

            var library = new SignedXml(reloaded);
            library.LoadXml((XmlElement)reloaded.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!);
            Assert.That(library.CheckSignature(SampleData.SigningCertificate, true), Is.True, "the digest ignores comments");
            Assert.That(RuleOf(reloaded), Is.EqualTo(SignatureRules.Comment));
        }

        [Test]
        public void Rebinding_the_xs_prefix_of_xsi_type_is_rejected_although_exclusive_c14n_does_not_sign_it()
        {
            string signed = SignedAssertion().OuterXml;
            XmlDocument rebound = SafeXml.LoadDocument(signed.Replace("xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"", "xmlns:xs=\"urn:example:not-xml-schema\"", StringComparison.Ordinal));

            var library = new SignedXml(rebound);
            library.LoadXml((XmlElement)rebound.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!);
            Assert.That(library.CheckSignature(SampleData.SigningCertificate, true), Is.True, "the binding is outside the digest");
            Assert.That(RuleOf(rebound), Is.EqualTo(SignatureRules.TypePrefix));
        }

        [Test]
        public void KeyInfo_substitution_without_re_signing_fails()
        {
            XmlDocument document = Reload(SignedAssertion());
            XmlElement certificate = (XmlElement)document.GetElementsByTagName("X509Certificate", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!;
            certificate.InnerText = Convert.ToBase64String(SampleData.OtherCertificate.RawData);

            Assert.That(RuleOf(Reload(document)), Is.EqualTo(SignatureRules.Invalid));
        }

        [Test]
        public void KeyInfo_substitution_with_another_key_is_caught_by_the_pinned_certificate()
        {
            XmlDocument forged = SampleData.SmallAssertion();
            using (var attacker = new CertificateSigningCredential(SampleData.OtherCertificate, KeyPurposes.Signature))
            {
                new EnvelopedXmlSigner().Sign(forged.DocumentElement!, "ID", attacker, SampleData.SamlChild(forged.DocumentElement!, "Issuer"));
            }

            XmlDocument reloaded = Reload(forged);
            Assert.That(new XmlSignatureVerifier().Verify(reloaded).SignerCertificate.Subject, Does.Contain("ATTACKER"), "valid, and the caller sees who signed");
            using X509Certificate2 expected = X509CertificateLoader.LoadCertificate(SampleData.SigningCertificate.RawData);
            Assert.That(RuleOf(reloaded, new XmlSignatureVerificationOptions { ExpectedCertificate = expected }), Is.EqualTo(SignatureRules.Certificate));
        }

        [Test]
        public void KeyInfo_must_hold_exactly_one_certificate_and_nothing_else()
        {
            XmlDocument twoCertificates = Reload(SignedAssertion());
            XmlElement data = (XmlElement)twoCertificates.GetElementsByTagName("X509Data", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!;
            XmlElement extra = twoCertificates.CreateElement("X509Certificate", XmlSignatureAlgorithms.XmlDsigNamespace);
            extra.InnerText = Convert.ToBase64String(SampleData.OtherCertificate.RawData);
            data.AppendChild(extra);
            Assert.That(RuleOf(Reload(twoCertificates)), Is.EqualTo(SignatureRules.KeyInfo));

            XmlDocument keyValue = Reload(SignedAssertion());
            XmlElement keyInfo = (XmlElement)keyValue.GetElementsByTagName("KeyInfo", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!;
            keyInfo.AppendChild(keyValue.CreateElement("KeyValue", XmlSignatureAlgorithms.XmlDsigNamespace));
            Assert.That(RuleOf(Reload(keyValue)), Is.EqualTo(SignatureRules.KeyInfo));
        }

        [TestCase("c14n")]
        [TestCase("xslt")]
        [TestCase("digest")]
        [TestCase("md5")]
        public void Algorithms_outside_the_pinned_set_are_refused(string change)
        {
            string signed = SignedAssertion().OuterXml;
            string changed = change switch
            {
                "c14n" => ReplaceFirst(signed, "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"", "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\""),
                "xslt" => ReplaceFirst(signed, "</Transforms>", "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116\"/></Transforms>"),
                "digest" => ReplaceFirst(signed, XmlSignatureAlgorithms.Sha256, "http://www.w3.org/2001/04/xmldsig-more#sha384"),
                _ => ReplaceFirst(signed, XmlSignatureAlgorithms.RsaSha256, "http://www.w3.org/2001/04/xmldsig-more#rsa-md5"),
            };

            Assert.That(RuleOf(SafeXml.LoadDocument(changed)), Is.EqualTo(SignatureRules.Algorithm));
        }

        [Test]
        public void Missing_extra_or_misplaced_signatures_are_refused()
        {
            Assert.That(RuleOf(SampleData.SmallAssertion()), Is.EqualTo(SignatureRules.Missing));

            XmlDocument nested = Reload(SignedAssertion());
            XmlElement root = nested.DocumentElement!;
            XmlNode signature = root.ChildNodes[1]!;
            root.RemoveChild(signature);
            SampleData.SamlChild(root, "Subject").AppendChild(signature);
            Assert.That(RuleOf(Reload(nested)), Is.EqualTo(SignatureRules.Placement));

            XmlDocument twice = Reload(SignedAssertion());
            twice.DocumentElement!.AppendChild(twice.DocumentElement.ChildNodes[1]!.CloneNode(true));
            Assert.That(RuleOf(Reload(twice)), Is.EqualTo(SignatureRules.Placement));

            XmlDocument twoReferences = Reload(SignedAssertion());
            XmlElement signedInfo = (XmlElement)twoReferences.GetElementsByTagName("SignedInfo", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!;
            signedInfo.AppendChild(signedInfo.GetElementsByTagName("Reference", XmlSignatureAlgorithms.XmlDsigNamespace)[0]!.CloneNode(true));
            Assert.That(RuleOf(Reload(twoReferences)), Is.EqualTo(SignatureRules.Reference));
        }

        [Test]
        public void Signed_files_with_a_DTD_are_refused_before_anything_is_resolved()
        {
            byte[] xxe = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>");

            Assert.Throws<XmlException>(() => SignedXmlDocument.Load(xxe));
        }

        [Test]
        public void Signing_goes_through_the_credential()
        {
            var counting = new CountingCredential(SampleData.SigningCertificate);
            XmlDocument document = SampleData.SmallAssertion();

            new EnvelopedXmlSigner().Sign(document.DocumentElement!, "ID", counting, null);

            Assert.That(counting.Signatures, Is.EqualTo(1));
            Assert.That(counting.LastHash, Is.EqualTo(HashAlgorithmName.SHA256));
            Assert.DoesNotThrow(() => new XmlSignatureVerifier().Verify(Reload(document)));
        }

        private static string ReplaceFirst(string text, string oldValue, string newValue)
        {
            int index = text.IndexOf(oldValue, StringComparison.Ordinal);
            Assert.That(index, Is.GreaterThanOrEqualTo(0), oldValue);
            return text.Substring(0, index) + newValue + text.Substring(index + oldValue.Length);
        }

        internal sealed class CountingCredential : SigningCredential
        {
            private readonly X509Certificate2 _certificate;

            public CountingCredential(X509Certificate2 certificate) => _certificate = certificate;

            public int Signatures { get; private set; }

            public HashAlgorithmName LastHash { get; private set; }

            public override X509Certificate2 Certificate => _certificate;

            public override KeyPurposes Purposes => KeyPurposes.Signature;

            public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm)
            {
                Signatures++;
                LastHash = hashAlgorithm;
                using RSA key = _certificate.GetRSAPrivateKey()!;
                return key.SignHash(hash, hashAlgorithm, RSASignaturePadding.Pkcs1);
            }
        }
    }
}
