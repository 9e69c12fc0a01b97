using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using Moq;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class VihfBuilderTests
    {
        private static readonly Ins Patient = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);

        private static VihfUserContext User(VihfAuthenticationMode mode, HealthProfessional? professional = null, HealthcareOrganization? organization = null) =>
            new(professional ?? SampleData.TestDoctor(), organization ?? SampleData.TestCabinet(), SampleData.TestSoftware, mode);

        private static VihfAssertion Signed(VihfAuthenticationMode mode, VihfAccessMode access = VihfAccessMode.Normal, VihfOptions? options = null, ISecurityClock? clock = null)
        {
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            return new VihfBuilder(options, clock).BuildSigned(User(mode), Patient, access, credential);
        }

        private static string Value(XmlDocument document, string attributeName)
        {
            foreach (XmlElement attribute in document.GetElementsByTagName("Attribute", VihfBuilder.SamlNamespace))
            {
                if (attribute.GetAttribute("Name") == attributeName)
                {
                    return attribute.InnerText;
                }
            }

            return "(absent)";
        }

        private static XmlElement Coded(XmlDocument document, string localName, int index = 0) =>
            (XmlElement)document.GetElementsByTagName(localName, VihfBuilder.Hl7Namespace)[index]!;

        [Test]
        public void Every_mode_combination_is_signed_verifies_and_is_valid_SAML(
            [Values] VihfAuthenticationMode mode,
            [Values] VihfAccessMode access)
        {
            VihfAssertion assertion = Signed(mode, access);
            XmlDocument document = assertion.ToXmlDocument();

            XmlSignatureVerification verification = new XmlSignatureVerifier().Verify(document);
            Assert.That(verification.SignerCertificate.Thumbprint, Is.EqualTo(SampleData.SigningCertificate.Thumbprint));
            Assert.That(XmlShape.ValidateSaml(assertion.Xml), Is.Empty);
            Assert.That(Value(document, "Authentification_mode"), Is.EqualTo(VihfCodes.Of(mode)));
            XmlElement purpose = Coded(document, "PurposeOfUse");
            Assert.That(purpose.GetAttribute("code"), Is.EqualTo(VihfCodes.Of(access)));
            Assert.That(purpose.GetAttribute("codeSystem"), Is.EqualTo("1.2.250.1.213.1.1.4.248"));
            Assert.That(purpose.GetAttribute("codeSystemName"), Is.EqualTo("mode acces VIHF 2.0"));
            Assert.That(assertion.IsSigned, Is.True);
        }

        [TestCase(VihfAuthenticationMode.Direct, "vihf-shape-directe.txt")]
        [TestCase(VihfAuthenticationMode.Indirect, "vihf-shape-indirecte.txt")]
        [TestCase(VihfAuthenticationMode.IndirectReinforced, "vihf-shape-indirecte-renforcee.txt")]
        public void The_assertion_has_the_shape_of_the_official_example_of_its_mode(VihfAuthenticationMode mode, string fixture)
        {
            string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "fixtures", "signatures", fixture));
            XmlDocument document = Signed(mode).ToXmlDocument();

            Assert.That(XmlShape.Lines(XmlShape.Of(document.DocumentElement!)), Is.EqualTo(XmlShape.Lines(expected)));
            XmlElement root = document.DocumentElement!;
            Assert.That(root.ChildNodes[0]!.LocalName, Is.EqualTo("Issuer"));
            Assert.That(root.ChildNodes[1]!.LocalName, Is.EqualTo("Signature"));
        }

        [Test]
        public void Values_follow_the_official_shapes()
        {
            XmlDocument document = Signed(VihfAuthenticationMode.Indirect).ToXmlDocument();

            Assert.Multiple(() =>
            {
                Assert.That(document.GetElementsByTagName("NameID", VihfBuilder.SamlNamespace)[0]!.InnerText, Is.EqualTo("899900063480"));
                Assert.That(Value(document, "Identifiant_Structure"), Is.EqualTo("499900063480001"));
                Assert.That(Value(document, "Secteur_Activite"), Is.EqualTo("SA07^1.2.250.1.71.4.2.4"));
                Assert.That(Value(document, "urn:oasis:names:tc:xspa:1.0:subject:subject-id"), Is.EqualTo("MAX LIBRE"));
                Assert.That(Value(document, "VIHF_Version"), Is.EqualTo("3.0"));
                Assert.That(Value(document, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"), Is.EqualTo(SampleData.DmpTestPatientCx));
                Assert.That(Value(document, "Ressource_URN"), Is.EqualTo("urn:dmp"));
                Assert.That(Value(document, "LPS_ID"), Is.EqualTo("01.02.03.04"));
                Assert.That(Value(document, "LPS_Nom"), Is.EqualTo("DmpConnector tests"));
                Assert.That(Value(document, "LPS_Version"), Is.EqualTo("0.1"));
                Assert.That(Value(document, "LPS_ID_HOMOLOGATION_DMP"), Is.EqualTo("TEST-HOMOLOGATION"));
                Assert.That(Coded(document, "Role", 0).GetAttribute("code"), Is.EqualTo("10"));
                Assert.That(Coded(document, "Role", 0).GetAttribute("codeSystem"), Is.EqualTo("1.2.250.1.71.1.2.7"));
                Assert.That(Coded(document, "Role", 1).GetAttribute("code"), Is.EqualTo("SM26"));
                Assert.That(Coded(document, "Role", 1).GetAttribute("codeSystem"), Is.EqualTo("1.2.250.1.71.4.2.5"));
                Assert.That(Coded(document, "Role", 1).GetAttribute("displayName"), Is.EqualTo("Qualifié en Médecine Générale (SM)"));
                Assert.That(Coded(document, "Role", 0).GetAttribute("type", "http://www.w3.org/2001/XMLSchema-instance"), Is.EqualTo("CE"));
            });
        }

        [Test]
        public void Signing_is_logged_with_its_event_id_and_without_the_INS()
        {
            var logger = new CapturingLogger();
            using CertificateSigningCredential credential = SampleData.SignatureCredential();

            VihfAssertion assertion = new VihfBuilder(logger: logger).BuildSigned(User(VihfAuthenticationMode.Indirect), Patient, VihfAccessMode.BrisDeGlace, credential);

            CapturingLogger.Entry entry = logger.WithEvent(DmpConnector.Diagnostics.DmpLogEvents.VihfSigned).Single();
            Assert.That(entry.Message, Does.Contain(assertion.Id).And.Contain("bris_de_glace").And.Contain(SampleData.SigningCertificate.Thumbprint));
            Assert.That(logger.Entries.Select(e => e.Message), Has.None.Contains(SampleData.DmpTestPatientIns));
        }

        [Test]
        public void The_spelling_of_the_mode_attribute_is_configurable()
        {
            XmlDocument document = Signed(VihfAuthenticationMode.Direct, options: new VihfOptions { AuthenticationModeAttributeName = "Authentification_Mode" }).ToXmlDocument();

            Assert.That(Value(document, "Authentification_Mode"), Is.EqualTo("DIRECTE"));
            Assert.That(Value(document, "Authentification_mode"), Is.EqualTo("(absent)"));
        }

        [Test]
        public void IssueInstant_comes_from_the_clock_in_UTC_with_milliseconds()
        {
            var clock = new Mock<ISecurityClock>();
            clock.SetupGet(c => c.UtcNow).Returns(new DateTimeOffset(2026, 3, 4, 10, 11, 12, 345, TimeSpan.FromHours(1)));

            VihfAssertion assertion = Signed(VihfAuthenticationMode.Direct, clock: clock.Object);
            XmlDocument document = assertion.ToXmlDocument();

            Assert.That(document.DocumentElement!.GetAttribute("IssueInstant"), Is.EqualTo("2026-03-04T09:11:12.345Z"));
            Assert.That(((XmlElement)document.GetElementsByTagName("AuthnStatement", VihfBuilder.SamlNamespace)[0]!).GetAttribute("AuthnInstant"), Is.EqualTo("2026-03-04T09:11:12.345Z"));
            Assert.That(assertion.IssueInstant, Is.EqualTo(new DateTimeOffset(2026, 3, 4, 9, 11, 12, 345, TimeSpan.Zero)));
            Assert.That(document.DocumentElement!.GetAttribute("ID"), Does.Match("^_[0-9a-f-]{36}$"));
        }

        [Test]
        public void Issuer_is_the_signing_certificate_subject_most_specific_first()
        {
            using X509Certificate2 certificate = SampleData.CreateSigningCertificate("CN=Certificat DMP, OU=10B0127189, O=CENTRE DE SANTE, S=Rhône (69), C=FR");

            Assert.That(VihfBuilder.IssuerNameOf(certificate), Is.EqualTo("CN=Certificat DMP,OU=10B0127189,O=CENTRE DE SANTE,ST=Rhône (69),C=FR"));
        }

        [Test]
        public void An_unsigned_DIRECTE_assertion_has_no_signature_and_keeps_the_given_issuer()
        {
            VihfAssertion assertion = new VihfBuilder().BuildUnsigned(User(VihfAuthenticationMode.Direct), Patient, VihfAccessMode.Normal, "CN=899900063480,O=TEST,C=FR");

            Assert.That(assertion.IsSigned, Is.False);
            Assert.That(assertion.Xml, Does.Not.Contain("Signature"));
            Assert.That(assertion.ToXmlDocument().GetElementsByTagName("Issuer", VihfBuilder.SamlNamespace)[0]!.InnerText, Is.EqualTo("CN=899900063480,O=TEST,C=FR"));
            Assert.That(XmlShape.ValidateSaml(assertion.Xml), Is.Empty);
            Assert.That(Assert.Throws<VihfRuleException>(() => new VihfBuilder().BuildUnsigned(User(VihfAuthenticationMode.Direct), Patient, VihfAccessMode.Normal, " "))!.Rule, Is.EqualTo(VihfRules.Issuer));
        }

        [Test]
        public void Changing_the_patient_after_signing_fails_verification()
        {
            string xml = Signed(VihfAuthenticationMode.Indirect).Xml.Replace("207058575627097", "277076322082910", StringComparison.Ordinal);

            Assert.That(Assert.Throws<SignatureVerificationException>(() => new XmlSignatureVerifier().Verify(DmpConnector.Internal.SafeXml.LoadDocument(xml)))!.Rule, Is.EqualTo(SignatureRules.Invalid));
        }

        [Test]
        public void A_request_without_patient_has_no_resource_id()
        {
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            XmlDocument document = new VihfBuilder().BuildSigned(User(VihfAuthenticationMode.Direct), null, VihfAccessMode.Normal, credential).ToXmlDocument();

            Assert.That(Value(document, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"), Is.EqualTo("(absent)"));
        }

        private static string RuleOf(Action build) => Assert.Throws<VihfRuleException>(() => build())!.Rule;

        [Test]
        public void A_doctor_or_a_pharmacist_without_specialty_is_refused_before_signing()
        {
            var counting = new XmlSignatureTests.CountingCredential(SampleData.SigningCertificate);
            var builder = new VihfBuilder();
            HealthProfessional pharmacist = new(ProfessionalId.Parse("899900063480"), "OFFICINE", "PAT", new CodedValue("21", HealthProfessional.ProfessionCodeSystem, "Pharmacien"));

            Assert.That(RuleOf(() => builder.BuildSigned(User(VihfAuthenticationMode.Direct, SampleData.TestDoctor(withSpecialty: false)), Patient, VihfAccessMode.Normal, counting)), Is.EqualTo(VihfRules.Specialty));
            Assert.That(RuleOf(() => builder.BuildSigned(User(VihfAuthenticationMode.Direct, pharmacist), Patient, VihfAccessMode.Normal, counting)), Is.EqualTo(VihfRules.Specialty));
            Assert.That(counting.Signatures, Is.Zero, "nothing was signed");
        }

        [Test]
        public void A_nurse_needs_no_specialty()
        {
            HealthProfessional nurse = new(ProfessionalId.Parse("899900063480"), "SOIN", "INFI", new CodedValue("60", HealthProfessional.ProfessionCodeSystem, "Infirmier"));
            using CertificateSigningCredential credential = SampleData.SignatureCredential();

            XmlDocument document = new VihfBuilder().BuildSigned(User(VihfAuthenticationMode.Direct, nurse), Patient, VihfAccessMode.Normal, credential).ToXmlDocument();

            Assert.That(document.GetElementsByTagName("Role", VihfBuilder.Hl7Namespace), Has.Count.EqualTo(1));
        }

        [Test]
        public void Other_context_rules_are_typed_with_their_rule_ids()
        {
            var builder = new VihfBuilder();
            HealthProfessional doctorWithWrongSystem = SampleData.TestDoctor().WithSpecialty(new CodedValue("SM26", "1.2.3", "x"));
            var noSector = new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET");
            var wrongSector = new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET", new CodedValue("SA07", "9.9.9"));

            Assert.That(RuleOf(() => builder.Validate(User(VihfAuthenticationMode.Direct, doctorWithWrongSystem), Patient, VihfAccessMode.Normal)), Is.EqualTo(VihfRules.SpecialtySystem));
            Assert.That(RuleOf(() => builder.Validate(User(VihfAuthenticationMode.Direct, organization: noSector), Patient, VihfAccessMode.Normal)), Is.EqualTo(VihfRules.Sector));
            Assert.That(RuleOf(() => builder.Validate(User(VihfAuthenticationMode.Direct, organization: wrongSector), Patient, VihfAccessMode.Normal)), Is.EqualTo(VihfRules.Sector));
            Assert.That(RuleOf(() => builder.Validate(User(VihfAuthenticationMode.Direct), null, VihfAccessMode.BrisDeGlace)), Is.EqualTo(VihfRules.Patient));
            Assert.That(RuleOf(() => builder.Validate(User(VihfAuthenticationMode.Direct), null, VihfAccessMode.Centre15)), Is.EqualTo(VihfRules.Patient));
            Assert.That(RuleOf(() => _ = new SoftwareIdentity("LGC", " ", "HOMOL")), Is.EqualTo(VihfRules.Software));
            Assert.That(RuleOf(() => _ = new SoftwareIdentity("LGC", "1", "")), Is.EqualTo(VihfRules.Software));
        }

        [Test]
        public void The_authentication_key_of_a_card_cannot_sign_a_VIHF()
        {
            using var credential = new CertificateSigningCredential(SampleData.SigningCertificate, KeyPurposes.Authentication);

            Assert.Throws<KeyPurposeException>(() => new VihfBuilder().BuildSigned(User(VihfAuthenticationMode.Direct), Patient, VihfAccessMode.Normal, credential));
        }

        [Test]
        public void The_assertion_imports_into_an_envelope_and_still_verifies()
        {
            VihfAssertion assertion = Signed(VihfAuthenticationMode.IndirectReinforced);
            XmlDocument envelope = DmpConnector.Internal.SafeXml.LoadDocument("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header><wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"/></s:Header><s:Body/></s:Envelope>");
            XmlElement security = (XmlElement)envelope.GetElementsByTagName("Security", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd")[0]!;
            security.AppendChild(assertion.ImportInto(envelope));
            XmlDocument reloaded = DmpConnector.Internal.SafeXml.LoadDocument(envelope.OuterXml);

            var inEnvelope = (XmlElement)reloaded.GetElementsByTagName("Assertion", VihfBuilder.SamlNamespace)[0]!;
            Assert.DoesNotThrow(() => new XmlSignatureVerifier().Verify(inEnvelope));
        }
    }
}
