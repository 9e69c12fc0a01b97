using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Soap
{
    public class SoapEnvelopeTests
    {
        private static readonly Action<XmlWriter> Body = w =>
        {
            w.WriteStartElement("q", "AdhocQueryRequest", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0");
            w.WriteString("x");
            w.WriteEndElement();
        };

        private static XmlDocument Load(byte[] bytes)
        {
            var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            doc.Load(new MemoryStream(bytes));
            return doc;
        }

        private static XmlNamespaceManager Ns(XmlDocument doc)
        {
            var ns = new XmlNamespaceManager(doc.NameTable);
            ns.AddNamespace("s", SoapNamespaces.Soap12);
            ns.AddNamespace("a", SoapNamespaces.Addressing);
            ns.AddNamespace("wsse", SoapNamespaces.WsSecurity);
            return ns;
        }

        [Test]
        public void The_writer_emits_SOAP_12_with_the_addressing_headers_in_the_official_order()
        {
            var headers = new SoapRequestHeaders("urn:ihe:iti:2007:RegistryStoredQuery") { To = "https://dmp.example/registry" };
            XmlDocument doc = Load(SoapEnvelopeWriter.ToBytes(headers, Body));
            var ns = Ns(doc);

            Assert.That(doc.DocumentElement!.NamespaceURI, Is.EqualTo(SoapNamespaces.Soap12));
            string[] order = doc.SelectSingleNode("/s:Envelope/s:Header", ns)!.ChildNodes.Cast<XmlNode>().Select(n => n.LocalName).ToArray();
            Assert.That(order, Is.EqualTo(new[] { "MessageID", "To", "ReplyTo", "Action" }));
            Assert.That(doc.SelectSingleNode("//a:MessageID", ns)!.InnerText, Does.Match("^urn:uuid:[0-9a-f-]{36}$"));
            Assert.That(doc.SelectSingleNode("//a:To", ns)!.InnerText, Is.EqualTo("https://dmp.example/registry"));
            Assert.That(doc.SelectSingleNode("//a:ReplyTo/a:Address", ns)!.InnerText, Is.EqualTo(SoapNamespaces.AnonymousAddress));
            Assert.That(((XmlElement)doc.SelectSingleNode("//a:ReplyTo", ns)!).GetAttribute("mustUnderstand", SoapNamespaces.Soap12), Is.EqualTo("true"));
            var action = (XmlElement)doc.SelectSingleNode("//a:Action", ns)!;
            Assert.That(action.InnerText, Is.EqualTo("urn:ihe:iti:2007:RegistryStoredQuery"));
            Assert.That(action.GetAttribute("mustUnderstand", SoapNamespaces.Soap12), Is.EqualTo("true"));
            Assert.That(doc.SelectSingleNode("/s:Envelope/s:Body", ns)!.FirstChild!.LocalName, Is.EqualTo("AdhocQueryRequest"));
        }

        [Test]
        public void Without_a_To_value_the_writer_emits_an_empty_To_like_the_official_examples_and_no_XML_declaration()
        {
            byte[] bytes = SoapEnvelopeWriter.ToBytes(new SoapRequestHeaders("urn:a"), Body);
            string text = Encoding.UTF8.GetString(bytes);

            Assert.That(text, Does.Contain("<To xmlns=\"http://www.w3.org/2005/08/addressing\" />").Or.Contain("<To xmlns=\"http://www.w3.org/2005/08/addressing\"/>"));
            Assert.That(text, Does.StartWith("<soap:Envelope"));
            Assert.That(bytes[0], Is.Not.EqualTo(0xEF), "no BOM");
        }

        [Test]
        public void The_unprefixed_mustUnderstand_option_reproduces_the_official_example_attribute()
        {
            var headers = new SoapRequestHeaders("urn:a") { UnprefixedMustUnderstand = true };
            XmlDocument doc = Load(SoapEnvelopeWriter.ToBytes(headers, Body));
            var action = (XmlElement)doc.SelectSingleNode("//a:Action", Ns(doc))!;

            Assert.That(action.GetAttribute("mustUnderstand"), Is.EqualTo("true"));
            Assert.That(action.HasAttribute("mustUnderstand", SoapNamespaces.Soap12), Is.False);
        }

        [Test]
        public void The_security_slot_writes_the_signed_element_byte_for_byte()
        {
            // Odd but legal formatting a re-serialising writer would change: single quotes, spaces in tags, CRLF,
            // a character reference, non-ASCII text, an empty element with a separate end tag.
            string signed = "<saml2:Assertion  xmlns:saml2='urn:oasis:names:tc:SAML:2.0:assertion' ID='_a1'\r\n   Version=\"2.0\">" +
                            "<saml2:Issuer>Médecin &#x41; &amp; co</saml2:Issuer>\r\n\t<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"></ds:Signature >" +
                            "</saml2:Assertion>";
            var headers = new SoapRequestHeaders("urn:a") { Security = SignedXmlFragment.FromString(signed) };
            byte[] envelope = SoapEnvelopeWriter.ToBytes(headers, Body);

            byte[] expected = Encoding.UTF8.GetBytes(signed);
            Assert.That(IndexOf(envelope, expected), Is.GreaterThan(0), "the exact bytes of the signed element are in the envelope");
            Assert.That(Encoding.UTF8.GetString(envelope), Does.Contain("<wsse:Security xmlns:wsse=\"" + SoapNamespaces.WsSecurity + "\">" + signed + "</wsse:Security>"));
            Assert.That(Load(envelope).SelectSingleNode("//wsse:Security/*", Ns(Load(envelope)))!.LocalName, Is.EqualTo("Assertion"));
        }

        [TestCaseSource(typeof(ReferenceMaterial), nameof(ReferenceMaterial.Cases), new object[] { new[] { "dmp-messages/vihf/VIHF-indirecte-signe.xml", "dmp-messages/vihf/VIHF-indirecte-renforcee-signe.xml" } })]
        public void An_official_signed_VIHF_goes_into_the_envelope_unchanged(string path)
        {
            byte[] original = File.ReadAllBytes(path);
            SignedXmlFragment fragment = SignedXmlFragment.FromUtf8(original);
            byte[] envelope = SoapEnvelopeWriter.ToBytes(new SoapRequestHeaders("urn:a") { Security = fragment }, Body);

            byte[] element = Encoding.UTF8.GetBytes(fragment.Xml);
            Assert.That(original.Length - element.Length, Is.LessThan(60), "only the BOM/XML declaration was dropped");
            Assert.That(IndexOf(original, element), Is.GreaterThanOrEqualTo(0));
            Assert.That(IndexOf(envelope, element), Is.GreaterThan(0));
        }

        [TestCase("<a><b></a>", TestName = "Not well-formed")]
        [TestCase("<a/><b/>", TestName = "Two elements")]
        [TestCase("text", TestName = "Not an element")]
        [TestCase("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", TestName = "A DTD")]
        public void An_unusable_security_element_is_rejected(string xml)
        {
            var ex = Assert.Throws<SoapFormatException>(() => SignedXmlFragment.FromString(xml));
            Assert.That(ex!.Rule, Is.EqualTo("SOAP-SECURITY-FRAGMENT"));
        }

        [Test]
        public void A_security_element_that_is_not_UTF8_is_rejected()
        {
            byte[] latin1 = { (byte)'<', (byte)'a', (byte)'>', 0xE9, (byte)'<', (byte)'/', (byte)'a', (byte)'>' };
            var ex = Assert.Throws<SoapFormatException>(() => SignedXmlFragment.FromUtf8(latin1));
            Assert.That(ex!.Rule, Is.EqualTo("SOAP-SECURITY-FRAGMENT"));
        }

        [Test]
        public void An_empty_action_is_rejected()
        {
            var ex = Assert.Throws<SoapFormatException>(() => _ = new SoapRequestHeaders(" "));
            Assert.That(ex!.Rule, Is.EqualTo("SOAP-ACTION"));
        }

        [Test]
        public void The_reader_exposes_the_addressing_headers_and_hands_the_body_positioned_on_its_first_element()
        {
            using var envelope = SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(SampleData.Soap12Response())), true);

            Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap12));
            Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:RetrieveDocumentSetResponse"));
            Assert.That(envelope.MessageId, Is.EqualTo("urn:uuid:28b8f0a8-0000-4b3a-bd07-51068af6e11b"));
            Assert.That(envelope.RelatesTo, Is.EqualTo("urn:uuid:2cb4b0d2-0000-4073-9892-6c85cfdfbb43"));
            Assert.That(envelope.To, Is.EqualTo(SoapNamespaces.AnonymousAddress));
            Assert.That(envelope.HasBodyElement, Is.True);
            Assert.That(envelope.Body.NodeType, Is.EqualTo(XmlNodeType.Element));
            Assert.That(envelope.Body.LocalName, Is.EqualTo("Answer"));
            envelope.Body.ReadToDescendant("Value", "urn:example:answer");
            Assert.That(envelope.Body.ReadElementContentAsString(), Is.EqualTo("42"));
        }

        [Test]
        public void What_the_writer_writes_the_reader_reads()
        {
            var headers = new SoapRequestHeaders("urn:ihe:iti:2007:RetrieveDocumentSet") { MessageId = "urn:uuid:00000000-0000-4000-8000-000000000001" };
            using var envelope = SoapEnvelope.Read(new MemoryStream(SoapEnvelopeWriter.ToBytes(headers, Body)), true);

            Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:RetrieveDocumentSet"));
            Assert.That(envelope.MessageId, Is.EqualTo("urn:uuid:00000000-0000-4000-8000-000000000001"));
            Assert.That(envelope.To, Is.Null);
            Assert.That(envelope.Body.LocalName, Is.EqualTo("AdhocQueryRequest"));
        }

        [Test]
        public void A_SOAP_11_envelope_is_read_too_pitfall_6()
        {
            string xml = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><Action xmlns=\"http://www.w3.org/2005/08/addressing\">urn:x</Action></s:Header><s:Body><b/></s:Body></s:Envelope>";
            using var envelope = SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(xml)), true);

            Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap11));
            Assert.That(envelope.Action, Is.EqualTo("urn:x"));
            Assert.That(envelope.Body.LocalName, Is.EqualTo("b"));
        }

        [Test]
        public void An_empty_body_is_reported_as_such()
        {
            string xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>";
            using var envelope = SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(xml)), true);
            Assert.That(envelope.HasBodyElement, Is.False);
        }

        [TestCase("<a/>", "SOAP-NOT-ENVELOPE")]
        [TestCase("<Envelope xmlns=\"urn:other\"><Body/></Envelope>", "SOAP-VERSION")]
        [TestCase("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/></s:Envelope>", "SOAP-NO-BODY")]
        [TestCase("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Other/><s:Body/></s:Envelope>", "SOAP-NO-BODY")]
        [TestCase("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>", "SOAP-XML")]
        [TestCase("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>&e;</s:Body></s:Envelope>", "SOAP-XML")]
        public void A_message_that_is_not_a_usable_envelope_is_rejected(string xml, string rule)
        {
            var ex = Assert.Throws<SoapFormatException>(() => SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(xml)), true).Dispose());
            Assert.That(ex!.Rule, Is.EqualTo(rule));
        }

        [Test]
        public void A_SOAP_12_fault_becomes_a_typed_exception_with_code_subcodes_reason_detail_and_raw_message()
        {
            var ex = Assert.Throws<SoapFaultException>(() => SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(SampleData.Soap12DmpFault)), true));

            Assert.That(ex!.Version, Is.EqualTo(SoapVersion.Soap12));
            Assert.That(ex.Code, Is.EqualTo(new XmlQualifiedName("Sender", SoapNamespaces.Soap12)));
            Assert.That(ex.Subcodes, Is.EqualTo(new[] { new XmlQualifiedName("DMPInvalidCertificate", "urn:example:dmp"), new XmlQualifiedName("Inner", SoapNamespaces.Soap12) }));
            Assert.That(ex.HasCode("DMPInvalidCertificate"), Is.True);
            Assert.That(ex.HasCode("DMPOther"), Is.False);
            Assert.That(ex.Reason, Is.EqualTo("Not a valid signature certificate"));
            Assert.That(ex.DetailXml, Does.Contain("authentication key used"));
            Assert.That(ex.RawMessage, Is.EqualTo(SampleData.Soap12DmpFault));
            Assert.That(ex.Message, Does.Contain("DMPInvalidCertificate").And.Contain("Not a valid signature certificate"));
            Assert.That(ex.Message, Does.Not.Contain("authentication key used"), "the detail may carry patient data: never in the message");
            Assert.That(ex, Is.InstanceOf<DmpException>());
        }

        [Test]
        public void A_SOAP_11_fault_becomes_a_typed_exception()
        {
            var ex = Assert.Throws<SoapFaultException>(() => SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(SampleData.Soap11Fault)), true));

            Assert.That(ex!.Version, Is.EqualTo(SoapVersion.Soap11));
            Assert.That(ex.Code, Is.EqualTo(new XmlQualifiedName("Client", SoapNamespaces.Soap11)));
            Assert.That(ex.Subcodes, Is.Empty);
            Assert.That(ex.Reason, Is.EqualTo("Spécialité obligatoire pour les Médecins"));
            Assert.That(ex.DetailXml, Is.EqualTo("<code>42</code>"));
        }

        [TestCaseSource(typeof(ReferenceMaterial), nameof(ReferenceMaterial.Cases), new object[] { new[] { "dmp-messages/TD3.2-consultation-document.response.xml", "dmp-messages/TD3.1-recherche-documents.response.xml" } })]
        public void Official_responses_are_read_with_their_headers(string path)
        {
            using var envelope = SoapEnvelope.Read(File.OpenRead(path), true);

            Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap12));
            Assert.That(envelope.Action, Does.StartWith("urn:ihe:iti:2007:"));
            Assert.That(envelope.RelatesTo, Does.StartWith("urn:uuid:"));
            Assert.That(envelope.MessageId, Does.StartWith("urn:uuid:"));
            Assert.That(envelope.HasBodyElement, Is.True);
        }

        internal static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
    }
}
