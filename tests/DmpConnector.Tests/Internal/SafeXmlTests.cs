using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Internal;
using NUnit.Framework;

namespace DmpConnector.Tests.Internal
{
    public class SafeXmlTests
    {
        private const string ExternalEntity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        private const string BillionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><r>&c;&c;&c;</r>";

        [TestCase(ExternalEntity)]
        [TestCase(BillionLaughs)]
        public void A_DTD_is_refused_by_the_streaming_reader(string xml)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
            using XmlReader reader = SafeXml.CreateReader(stream);

            Assert.Throws<XmlException>(() =>
            {
                while (reader.Read())
                {
                }
            });
        }

        [TestCase(ExternalEntity)]
        [TestCase(BillionLaughs)]
        public void A_DTD_is_refused_by_the_DOM_loader(string xml)
        {
            Assert.Throws<XmlException>(() => SafeXml.LoadDocument(xml));
        }

        [Test]
        public void Whitespace_is_preserved_for_signed_fragments()
        {
            XmlDocument doc = SafeXml.LoadDocument("<a>\n  <b> x </b>\n</a>");

            Assert.That(doc.OuterXml, Is.EqualTo("<a>\n  <b> x </b>\n</a>"));
        }
    }
}
