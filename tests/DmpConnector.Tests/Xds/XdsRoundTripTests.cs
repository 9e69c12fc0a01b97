using System.Collections.Generic;
using System.IO;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    /// <summary>read → write → read gives an equal model: nothing is lost or changed by the SDK.</summary>
    public class XdsRoundTripTests
    {
        private static IEnumerable<TestCaseData> Official() => ReferenceMaterial.Cases(SampleData.OfficialXdsMessages);

        private static IXdsMessage RoundTrip(IXdsMessage first)
        {
            string xml = XdsWriter.WriteToString(first);
            return XdsReader.ReadString(xml);
        }

        [TestCaseSource(nameof(Official))]
        public void Official_DMP_messages_TD21_TD31_TD32_TD33c_TD33d_round_trip_to_an_equal_model(string path)
        {
            IXdsMessage first = SampleData.ReadXds(path);

            IXdsMessage second = RoundTrip(first);

            Assert.That(second, Is.EqualTo(first));
        }

        [TestCaseSource(typeof(SampleData), nameof(SampleData.XdsFixtures))]
        public void Our_fixtures_round_trip_to_an_equal_model(string name)
        {
            // Inline documents are written back from a stream the test gives; the others are xop references.
            var options = new XdsReaderOptions { InlineDocumentSink = _ => Stream.Null };
            IXdsMessage first = SampleData.ReadXds(SampleData.XdsFixturePath(name), options);
            var writeOptions = new XdsWriterOptions { InlineContent = _ => new MemoryStream(System.Text.Encoding.UTF8.GetBytes("Hello from an inline document.")) };

            IXdsMessage second = XdsReader.ReadString(XdsWriter.WriteToString(first, writeOptions));

            Assert.That(second, Is.EqualTo(first));
        }

        [Test]
        public void Generated_submissions_round_trip()
        {
            var request = SampleData.XdsProvideAndRegister(5);

            Assert.That(RoundTrip(request), Is.EqualTo(request));
        }

        [Test]
        public void Equality_sees_a_changed_attribute()
        {
            var request = SampleData.XdsProvideAndRegister(1);
            var changed = request with
            {
                Metadata = request.Metadata with { DocumentEntries = new[] { request.Metadata.DocumentEntries[0] with { Title = "other" } } },
            };

            Assert.That(changed, Is.Not.EqualTo(request));
        }
    }
}
