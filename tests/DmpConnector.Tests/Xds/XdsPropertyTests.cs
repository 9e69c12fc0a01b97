using System;
using System.IO;
using System.Linq;
using System.Text;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class XdsPropertyTests
    {
        private static readonly Gen<string> QueryText =
            Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '\'', ',', '(', ')', '^', '&', '<', '>', '"', '%', '_', ' ', 'é', '.', ':'))
                .Where(c => c.Length > 0)
                .Select(c => new string(c));

        [Test]
        public void Property_any_query_values_survive_quoting_the_XML_writer_and_the_reader()
        {
            Prop.ForAll(
                    Gen.ArrayOf(QueryText).Where(v => v.Length > 0).ToArbitrary(),
                    values =>
                    {
                        string list = StoredQueryValue.List(values);
                        var request = new AdhocQueryRequest { QueryId = StoredQueryIds.GetDocuments, Parameters = new[] { new QueryParameter("$XDSDocumentEntryUniqueId", list) } };
                        var back = (AdhocQueryRequest)XdsReader.ReadString(XdsWriter.WriteToString(request));
                        return back.Equals(request) && StoredQueryValue.Unquote(back.Parameters[0].Values[0]).SequenceEqual(values);
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
        }

        [Test]
        public void Property_damaged_messages_are_read_or_refused_with_a_typed_exception()
        {
            byte[][] fixtures = SampleData.XdsFixtures.Select(f => SampleData.XmlPartOf(SampleData.XdsFixturePath(f))).ToArray();
            Gen<(int File, int Position, int Cut, byte Value)> damage =
                from file in Gen.Choose(0, fixtures.Length - 1)
                from position in Gen.Choose(0, 100_000)
                from cut in Gen.Choose(0, 2)
                from value in Gen.Elements((byte)'<', (byte)'>', (byte)'"', (byte)'&', (byte)'x', (byte)0, (byte)0xC3, (byte)'/')
                select (file, position, cut, value);

            Prop.ForAll(
                    damage.ToArbitrary(),
                    d =>
                    {
                        byte[] bytes = fixtures[d.File];
                        int at = d.Position % bytes.Length;
                        byte[] damaged = d.Cut == 0 ? bytes.Take(at).ToArray() : bytes.ToArray();
                        if (d.Cut != 0)
                        {
                            damaged[at] = d.Value;
                        }

                        try
                        {
                            using var stream = new MemoryStream(damaged);
                            XdsReader.Read(stream, new XdsReaderOptions { InlineDocumentSink = _ => Stream.Null });
                            return true;
                        }
                        catch (XdsFormatException ex)
                        {
                            return ex.Rule.StartsWith("XDS-", StringComparison.Ordinal) && !ex.Message.Contains("277076322082910", StringComparison.Ordinal);
                        }
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(1500));
        }
    }
}
