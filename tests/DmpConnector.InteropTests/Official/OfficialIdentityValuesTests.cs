using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Official
{
    /// <summary>
    /// Every HL7 v2 value of the official DMP example messages (XDS slot values, the VIHF resource-id) is read by our
    /// datatypes and written back byte for byte; every INS in them passes our checks.
    /// </summary>
    public class OfficialIdentityValuesTests
    {
        private static readonly Regex InsCx = new(@"^[0-9AB]{15}\^\^\^&1\.2\.250\.1\.213\.1\.4\.(8|9|10|11)&ISO\^NH", RegexOptions.CultureInvariant);

        public static IEnumerable<TestCaseData> Messages() => ReferenceMaterial.Cases(
            "dmp-messages/TD0.2-test-existence.request.xml",
            "dmp-messages/TD3.1-recherche-documents.request.xml",
            "dmp-messages/TD3.1-recherche-documents.response.xml",
            "dmp-messages/TD3.2-consultation-document.request.xml",
            "dmp-messages/TD3.3c-suppression-document.request.xml",
            "dmp-messages/TD3.3d-archivage-document.request.xml");

        [TestCaseSource(nameof(Messages))]
        public void Every_HL7_value_round_trips_and_every_INS_is_valid(string path)
        {
            var values = SlotAndAttributeValues(path).ToList();
            Assert.That(values, Is.Not.Empty, "the message carries HL7 values");

            int insCount = 0;
            foreach (string raw in values)
            {
                string value = raw.Trim('\'');
                if (value.StartsWith("PID-", System.StringComparison.Ordinal))
                {
                    value = value.Substring(value.IndexOf('|') + 1); // sourcePatientInfo: "PID-5|XPN"
                }

                if (InsCx.IsMatch(value))
                {
                    Ins ins = Ins.ParseCx(value);
                    Assert.That(ins.Value, Has.Length.EqualTo(15));
                    insCount++;
                }

                Hl7Composite parsed = value.Contains("&1.2.250.1.71.4.2.2&", System.StringComparison.Ordinal) ? Xon.Parse(value)
                    : value.Contains("&1.2.250.1.71.4.2.1&", System.StringComparison.Ordinal) ? Xcn.Parse(value)
                    : value.Contains("&ISO^", System.StringComparison.Ordinal) ? Cx.Parse(value)
                    : Ce.Parse(value);
                Assert.That(parsed.Format(), Is.EqualTo(value), "exact round trip");
            }

            Assert.That(insCount, Is.GreaterThan(0), "every DMP message names its patient by INS");
        }

        private static IEnumerable<string> SlotAndAttributeValues(string path)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var stream = File.OpenRead(path);
            using var reader = XmlReader.Create(stream, settings);
            var document = System.Xml.Linq.XDocument.Load(reader);
            var slotValues = document.Descendants()
                .Where(e => e.Name.LocalName is "Value" or "AttributeValue" && !e.HasElements)
                .Select(e => e.Value);
            var externalIdentifiers = document.Descendants()
                .Where(e => e.Name.LocalName == "ExternalIdentifier")
                .Select(e => (string?)e.Attribute("value") ?? string.Empty);
            return slotValues.Concat(externalIdentifiers)
                .Where(v => v.Contains('^', System.StringComparison.Ordinal))
                .ToList();
        }
    }
}
