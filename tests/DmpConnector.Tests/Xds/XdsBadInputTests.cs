using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    /// <summary>Every shape of bad input gives an XdsFormatException with its rule id, in bounded memory, without hanging.</summary>
    public class XdsBadInputTests
    {
        private const string Rim = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
        private const string Query = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";

        private static XdsFormatException Fails(string xml) => Fails(Encoding.UTF8.GetBytes(xml));

        private static XdsFormatException Fails(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            return Assert.Throws<XdsFormatException>(() => XdsReader.Read(stream))!;
        }

        private static string Response(string objects) =>
            $"<q:AdhocQueryResponse xmlns:q=\"{Query}\" xmlns:rim=\"{Rim}\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"><rim:RegistryObjectList>{objects}</rim:RegistryObjectList></q:AdhocQueryResponse>";

        private static IEnumerable<TestCaseData> Cuts()
        {
            foreach (string name in new[] { "pnr-soap11-mtom-root.xml", "find-documents-response.xml", "retrieve-response-inline.xml" })
            {
                foreach (double fraction in new[] { 0.02, 0.3, 0.6, 0.95 })
                {
                    yield return new TestCaseData(name, fraction).SetArgDisplayNames(name, fraction.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        [TestCaseSource(nameof(Cuts))]
        public void Truncated_XML_is_malformed(string name, double fraction)
        {
            byte[] whole = File.ReadAllBytes(SampleData.XdsFixturePath(name));

            XdsFormatException ex = Fails(whole.Take((int)(whole.Length * fraction)).ToArray());

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.XmlMalformed));
        }

        [Test]
        public void A_message_cut_after_its_own_end_but_before_the_envelope_closes_is_malformed()
        {
            string xml = File.ReadAllText(SampleData.XdsFixturePath("find-documents-response.xml"));
            string cut = xml.Substring(0, xml.IndexOf("</soap:Body>", StringComparison.Ordinal));

            Assert.That(Fails(cut).Rule, Is.EqualTo(XdsRules.XmlMalformed));
        }

        [TestCase("")]
        [TestCase("   ")]
        [TestCase("not xml at all")]
        [TestCase("<q:AdhocQueryResponse xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\" status=\"s\"\u0001/>")]
        public void Non_XML_is_malformed(string text)
        {
            Assert.That(Fails(text).Rule, Is.AnyOf(XdsRules.XmlMalformed, XdsRules.MtomNotSupported));
        }

        [Test]
        public void Mismatched_tags_inside_a_message_are_malformed()
        {
            Assert.That(Fails(Response("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"></rim:Association>")).Rule, Is.EqualTo(XdsRules.XmlMalformed));
        }

        [TestCase("urn:oasis:names:tc:ebxml-regrep:query:xsd:2.1")]
        [TestCase("")]
        [TestCase("urn:example:other")]
        public void A_message_in_the_wrong_namespace_is_unknown(string ns)
        {
            string xml = $"<AdhocQueryResponse xmlns=\"{ns}\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"/>";

            XdsFormatException ex = Fails(xml);

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.UnknownMessage));
        }

        [Test]
        public void Registry_objects_in_the_wrong_namespace_are_refused_not_silently_dropped()
        {
            string xml = $"<q:AdhocQueryResponse xmlns:q=\"{Query}\" xmlns:old=\"urn:oasis:names:tc:ebxml-regrep:rim:xsd:2.1\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"><old:RegistryObjectList><old:ExtrinsicObject id=\"urn:uuid:1a2b3c4d-0001-4e5f-8a9b-0c1d2e3f4a5b\" mimeType=\"text/xml\"/></old:RegistryObjectList></q:AdhocQueryResponse>";

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.UnknownMessage));
        }

        [Test]
        public void A_slot_in_a_foreign_namespace_inside_an_entry_is_refused_not_dropped()
        {
            string xml = Response("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><old:Slot xmlns:old=\"urn:oasis:names:tc:ebxml-regrep:rim:xsd:2.1\" name=\"creationTime\"><old:ValueList><old:Value>20240101</old:Value></old:ValueList></old:Slot></rim:ExtrinsicObject>");

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.UnknownMessage));
        }

        [Test]
        public void An_extension_element_inside_an_entry_is_skipped()
        {
            string xml = Response("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><ext:Note xmlns:ext=\"urn:example:ext\">kept out</ext:Note></rim:ExtrinsicObject>");

            Assert.That(((AdhocQueryResponse)XdsReader.ReadString(xml)).Metadata.DocumentEntries.Single().Id, Is.EqualTo("e1"));
        }

        [Test]
        public void A_SOAP_envelope_in_an_unknown_version_is_refused()
        {
            string xml = "<s:Envelope xmlns:s=\"urn:example:soap\"><s:Body>" + Response(string.Empty) + "</s:Body></s:Envelope>";

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.UnknownMessage));
        }

        [TestCase("<rim:ExtrinsicObject mimeType=\"text/xml\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\"/>", "id")]
        [TestCase("<rim:Association id=\"a1\" associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" targetObject=\"x\"/>", "sourceObject")]
        [TestCase("<rim:Association id=\"a1\" sourceObject=\"s\" targetObject=\"x\"/>", "associationType")]
        [TestCase("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:ExternalIdentifier id=\"x\" registryObject=\"e1\" value=\"1.2.3\"/></rim:ExtrinsicObject>", "identificationScheme")]
        [TestCase("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:Classification id=\"c\" classifiedObject=\"e1\" nodeRepresentation=\"10\"/></rim:ExtrinsicObject>", "classificationScheme")]
        public void A_missing_required_attribute_is_named(string objects, string attribute)
        {
            XdsFormatException ex = Fails(Response(objects));

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.MissingAttribute));
            Assert.That(ex.Field + " " + ex.Explanation, Does.Contain(attribute));
        }

        [Test]
        public void A_query_without_its_id_or_a_retrieve_request_without_ids_is_refused()
        {
            string query = $"<q:AdhocQueryRequest xmlns:q=\"{Query}\" xmlns:rim=\"{Rim}\"><q:ResponseOption returnType=\"LeafClass\" returnComposedObjects=\"true\"/><rim:AdhocQuery/></q:AdhocQueryRequest>";
            string retrieve = "<x:RetrieveDocumentSetRequest xmlns:x=\"urn:ihe:iti:xds-b:2007\"><x:DocumentRequest><x:RepositoryUniqueId>1.2.3</x:RepositoryUniqueId></x:DocumentRequest></x:RetrieveDocumentSetRequest>";

            Assert.That(Fails(query).Rule, Is.EqualTo(XdsRules.MissingAttribute));
            Assert.That(Fails(retrieve).Rule, Is.EqualTo(XdsRules.MissingAttribute));
        }

        [Test]
        public void A_10_MB_attribute_value_is_refused_in_bounded_memory()
        {
            string huge = new('A', 10 * 1024 * 1024);
            byte[] bytes = Encoding.UTF8.GetBytes(Response($"<rim:ExtrinsicObject id=\"e1\" mimeType=\"{huge}\"/>"));

            long before = GC.GetAllocatedBytesForCurrentThread();
            XdsFormatException ex = Fails(bytes);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.ValueTooLong));
            Assert.That(ex.Message, Does.Not.Contain("AAAAAAAAAA"));
            // XmlReader materialises one attribute (20 MB of UTF-16) before we can refuse it; nothing else grows with it.
            Assert.That(allocated, Is.LessThan(80L * 1024 * 1024));
        }

        [Test]
        public void A_10_MB_slot_value_is_refused()
        {
            string huge = new('7', 10 * 1024 * 1024);
            string xml = Response($"<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:Slot name=\"hash\"><rim:ValueList><rim:Value>{huge}</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>");

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.ValueTooLong));
        }

        [Test]
        public void A_caller_can_lower_the_value_limit()
        {
            string xml = Response("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:Name><rim:LocalizedString value=\"" + new string('t', 2000) + "\"/></rim:Name></rim:ExtrinsicObject>");
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

            var ex = Assert.Throws<XdsFormatException>(() => XdsReader.Read(stream, new XdsReaderOptions { MaxValueLength = 1000 }));

            Assert.That(ex!.Rule, Is.EqualTo(XdsRules.ValueTooLong));
        }

        [TestCase(100_000, "body")]
        [TestCase(100_000, "slot")]
        [TestCase(100_000, "header")]
        public void Deeply_nested_elements_are_refused_without_recursion(int depth, string where)
        {
            string nest = string.Concat(Enumerable.Repeat("<n>", depth)) + string.Concat(Enumerable.Repeat("</n>", depth));
            string xml = where switch
            {
                "body" => Response($"<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\">{nest}</rim:ExtrinsicObject>"),
                "slot" => Response($"<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:Slot name=\"x\"><rim:ValueList><rim:Value>{nest}</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>"),
                _ => "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header>" + nest + "</s:Header><s:Body>" + Response(string.Empty) + "</s:Body></s:Envelope>",
            };

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.XmlDepth));
        }

        [Test]
        public void A_DTD_is_refused()
        {
            Assert.That(Fails("<!DOCTYPE AdhocQueryResponse>" + Response(string.Empty)).Rule, Is.EqualTo(XdsRules.XmlDtd));
        }

        [Test]
        public void Entity_expansion_is_refused_before_any_expansion()
        {
            var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
            for (int i = 1; i < 10; i++)
            {
                dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
            }

            dtd.Append("]>");
            string xml = dtd + Response($"<rim:ExtrinsicObject id=\"e1\" mimeType=\"&lol9;\"/>");

            long before = GC.GetAllocatedBytesForCurrentThread();
            XdsFormatException ex = Fails(xml);

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.XmlDtd));
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(10L * 1024 * 1024));
        }

        [Test]
        public void An_external_entity_is_refused_and_never_resolved()
        {
            string xml = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + Response("<rim:ExtrinsicObject id=\"&xxe;\" mimeType=\"text/xml\"/>");

            XdsFormatException ex = Fails(xml);

            Assert.That(ex.Rule, Is.EqualTo(XdsRules.XmlDtd));
            Assert.That(ex.ToString(), Does.Not.Contain("root:"));
        }

        [Test]
        public void A_bare_MTOM_body_is_pointed_to_the_transport_layer()
        {
            string mtom = "--uuid:boundary\r\nContent-Type: application/xop+xml\r\n\r\n" + Response(string.Empty) + "\r\n--uuid:boundary--";

            Assert.That(Fails(mtom).Rule, Is.EqualTo(XdsRules.MtomNotSupported));
        }

        [Test]
        public void A_non_numeric_size_is_kept_as_read_and_refused_by_validation()
        {
            string xml = Response("<rim:ExtrinsicObject id=\"e1\" mimeType=\"text/xml\"><rim:Slot name=\"size\"><rim:ValueList><rim:Value>twelve</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>");

            var response = (AdhocQueryResponse)XdsReader.ReadString(xml);
            DocumentEntry entry = response.Metadata.DocumentEntries.Single();

            Assert.That(entry.Size, Is.Null);
            Assert.That(entry.ExtraSlots.Single().Values, Is.EqualTo(new[] { "twelve" }), "the reader is lenient and loses nothing");
            XdsValidationIssue issue = XdsValidator.Validate(response, XdsValidationProfile.Xds).Single(i => i.Attribute == "size" && i.Rule == XdsValidationRules.ValueFormat);
            Assert.That(issue.Severity, Is.EqualTo(XdsIssueSeverity.Error));
        }

        [Test]
        public void A_non_numeric_start_index_is_an_invalid_value()
        {
            string xml = $"<q:AdhocQueryResponse xmlns:q=\"{Query}\" status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\" startIndex=\"first\"/>";

            Assert.That(Fails(xml).Rule, Is.EqualTo(XdsRules.InvalidValue));
        }
    }
}
