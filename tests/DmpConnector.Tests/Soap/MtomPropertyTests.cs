using System;
using System.IO;
using System.Linq;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DmpConnector.Tests.Soap
{
    public class MtomPropertyTests
    {
        // Bytes a delimiter scanner is most likely to trip on.
        private static readonly Gen<byte> TrickyByte = Gen.OneOf(
            Gen.Elements((byte)'\r', (byte)'\n', (byte)'-', (byte)'B', (byte)'x'),
            ArbMap.Default.GeneratorFor<byte>());

        [Test]
        public void Property_any_attachments_survive_a_write_read_round_trip_whatever_the_read_sizes_and_spill_threshold()
        {
            Gen<byte[]> document = Gen.ArrayOf(TrickyByte, 0).SelectMany(small => Gen.Choose(0, 3).Select(times => Enumerable.Repeat(small, times + 1).SelectMany(b => b).ToArray()));
            Gen<(byte[][] Docs, int Chunk, int Threshold)> cases =
                from docs in Gen.ArrayOf(document, 0).Select(d => d.Take(4).ToArray())
                from chunk in Gen.Choose(1, 5000)
                from threshold in Gen.Choose(0, 3000)
                select (docs, chunk, threshold);

            Prop.ForAll(
                    cases.ToArbitrary(),
                    c =>
                    {
                        var attachments = c.Docs.Select((d, i) => new MtomAttachment("d" + i + "@x", new MemoryStream(d))).ToArray();
                        var writer = new MtomWriter("urn:a") { Boundary = "B-x" };
                        using var wire = new MemoryStream();
                        writer.WriteAsync(wire, SampleData.Utf8(SampleData.Soap12Response()), attachments).GetAwaiter().GetResult();
                        var options = new MtomReaderOptions { SpillThresholdBytes = c.Threshold };
                        using MtomMessage message = MtomMessage.ReadAsync(new TrickleStream(wire.ToArray(), c.Chunk), writer.ContentType, options).GetAwaiter().GetResult();
                        return message.Parts.Count == c.Docs.Length + 1
                            && c.Docs.Select((d, i) => Read(message.ResolveInclude(ContentIds.ToHref("d" + i + "@x"))).AsSpan().SequenceEqual(d)).All(ok => ok);
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
        }

        [Test]
        public void Property_a_damaged_message_either_parses_or_gives_a_typed_MTOM_error()
        {
            byte[] valid = SampleData.Multipart("B-x", "\r\n", "", "",
                ("Content-Type: application/xop+xml; type=\"application/soap+xml\"\nContent-ID: <root@x>", SampleData.Utf8(SampleData.Soap12Response())),
                ("Content-ID: <a@x>", SampleData.Bytes(300)));
            Gen<(int Position, byte Value)[]> edits = Gen.ArrayOf(
                from position in Gen.Choose(0, valid.Length - 1)
                from value in TrickyByte
                select (position, value), 0);
            Gen<(int Length, (int Position, byte Value)[] Edits)> cases =
                from length in Gen.Choose(0, valid.Length)
                from e in edits
                select (length, e);

            Prop.ForAll(
                    cases.ToArbitrary(),
                    c =>
                    {
                        byte[] damaged = valid.ToArray();
                        foreach (var (position, value) in c.Edits)
                        {
                            damaged[position] = value;
                        }

                        try
                        {
                            using MtomMessage message = MtomMessage.ReadAsync(new MemoryStream(damaged, 0, c.Length), "multipart/related; boundary=B-x; start=\"<root@x>\"", null).GetAwaiter().GetResult();
                            return message.Parts.Count > 0;
                        }
                        catch (MtomFormatException)
                        {
                            return true;
                        }
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
        }

        private static byte[] Read(MtomPart part)
        {
            using Stream s = part.OpenRead();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }
    }
}
