using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Soap
{
    public class MtomTests
    {
        private const string RootHeaders = "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\nContent-ID: <root@x>";

        private static string Envelope(string href) => SampleData.Soap12Response(
            "<x:Doc xmlns:x=\"urn:x\"><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + href + "\"/></x:Doc>");

        private static Task<MtomMessage> Read(byte[] data, string? contentType, MtomReaderOptions? options = null) =>
            MtomMessage.ReadAsync(new MemoryStream(data), contentType, options);

        private static byte[] ReadAll(MtomPart part)
        {
            using Stream s = part.OpenRead();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        }

        private static async Task<(MtomWriter Writer, byte[] Bytes)> WriteAsync(byte[] envelope, params MtomAttachment[] attachments)
        {
            var writer = new MtomWriter(SampleData.ItiRetrieveAction);
            using var ms = new MemoryStream();
            await writer.WriteAsync(ms, envelope, attachments);
            return (writer, ms.ToArray());
        }

        [Test]
        public async Task Pitfall_1_the_MIME_parameters_are_in_the_HTTP_Content_Type_and_the_body_starts_with_the_boundary()
        {
            var attachment = new MtomAttachment("doc1@dmpconnector", new MemoryStream(SampleData.Bytes(100)));
            var (writer, bytes) = await WriteAsync(SampleData.Utf8(Envelope(attachment.Href)), attachment);
            MimeHeaderValue ct = MimeHeaderValue.Parse(writer.ContentType);

            Assert.That(ct.MediaType, Is.EqualTo("multipart/related"));
            Assert.That(ct["type"], Is.EqualTo("application/xop+xml"));
            Assert.That(ct["start"], Is.EqualTo("<" + writer.RootContentId + ">"));
            Assert.That(ct["start-info"], Is.EqualTo("application/soap+xml"));
            Assert.That(ct["boundary"], Is.EqualTo(writer.Boundary));
            Assert.That(ct["action"], Is.EqualTo(SampleData.ItiRetrieveAction));
            string text = Encoding.ASCII.GetString(bytes, 0, 400);
            Assert.That(text, Does.StartWith("--" + writer.Boundary + "\r\n"), "no preamble, no MIME-Version or Content-Type before the first part");
            Assert.That(text, Does.Not.Contain("MIME-Version"));
            Assert.That(text, Does.Contain("Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"));
            Assert.That(text, Does.Contain("Content-ID: <" + writer.RootContentId + ">\r\n"));
            string all = Encoding.ASCII.GetString(bytes);
            Assert.That(all, Does.Contain("\r\n--" + writer.Boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc1@dmpconnector>\r\n\r\n"));
            Assert.That(all, Does.EndWith("\r\n--" + writer.Boundary + "--\r\n"));
            Assert.That(writer.ComputeLength(SampleData.Utf8(Envelope(attachment.Href)).Length, new[] { new MtomAttachment("doc1@dmpconnector", new MemoryStream(SampleData.Bytes(100))) }), Is.EqualTo(bytes.Length));
        }

        [TestCase(0)]
        [TestCase(1)]
        [TestCase(767)]
        [TestCase(100 * 1024 + 1)]
        [TestCase(3 * 1024 * 1024)]
        public async Task What_the_writer_writes_the_reader_reads_with_identical_attachment_bytes_pitfall_5(int size)
        {
            byte[] doc = SampleData.Bytes(size);
            var source = new TrickleStream(doc, 7000);
            var attachment = new MtomAttachment("doc@urn:ihe:iti:xds-b:2007", source);
            var (writer, bytes) = await WriteAsync(SampleData.Utf8(Envelope(attachment.Href)), attachment);

            using MtomMessage message = await Read(bytes, writer.ContentType);
            Assert.That(message.Parts, Has.Count.EqualTo(2));
            Assert.That(message.Root.ContentId, Is.EqualTo(writer.RootContentId));
            Assert.That(message.Action, Is.EqualTo(SampleData.ItiRetrieveAction));
            MtomPart part = message.ResolveInclude(attachment.Href);
            Assert.That(part.Length, Is.EqualTo(size));
            Assert.That(ReadAll(part), Is.EqualTo(doc));
            Assert.That(source.Reads, Is.GreaterThan(size / 7000), "read from the caller's stream in chunks");
        }

        [Test]
        public async Task Pitfall_2_the_root_is_found_by_start_not_by_position_even_with_a_text_xml_start_info()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "",
                ("Content-Type: application/octet-stream\nContent-ID: <att@x>", SampleData.Bytes(10)),
                (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))));
            using MtomMessage message = await Read(data, "multipart/related; type=\"application/xop+xml\"; start=\"<root@x>\"; start-info=\"text/xml\"; boundary=b1");

            Assert.That(message.Root, Is.SameAs(message.Parts[1]));
            using SoapEnvelope envelope = message.ReadEnvelope();
            Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:RetrieveDocumentSetResponse"));
        }

        [Test]
        public async Task Without_start_the_first_part_is_the_root()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", SampleData.Bytes(10)));
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1");
            Assert.That(message.Root, Is.SameAs(message.Parts[0]));
        }

        [Test]
        public async Task A_start_naming_no_part_is_rejected()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))));
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(data, "multipart/related; boundary=b1; start=\"<other@x>\""));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-ROOT-NOT-FOUND"));
        }

        [TestCase("cid:b857abb7-2@urn%3Aihe%3Aiti%3Axds-b%3A2007", "<b857abb7-2@urn:ihe:iti:xds-b:2007>", TestName = "Pitfall 3: URL-encoded href, plain Content-ID (the DMP's ITI-43 form)")]
        [TestCase("cid:b857abb7-2@urn:ihe:iti:xds-b:2007", "<b857abb7-2@urn%3Aihe%3Aiti%3Axds-b%3A2007>", TestName = "Pitfall 3: plain href, encoded Content-ID")]
        [TestCase("CID:a%40b", " <a@b> ", TestName = "Pitfall 3: upper-case scheme, encoded at-sign, spaces around the header")]
        public async Task Pitfall_3_content_ids_are_decoded_on_both_sides_before_matching(string href, string contentIdHeader)
        {
            byte[] doc = SampleData.Bytes(50);
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope(href))), ("Content-Type: application/octet-stream\nContent-ID: " + contentIdHeader, doc));
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1; start=\"<root@x>\"");

            IReadOnlyList<XopInclude> includes = message.GetXopIncludes();
            Assert.That(includes, Has.Count.EqualTo(1));
            Assert.That(includes[0].Part, Is.SameAs(message.Parts[1]));
            Assert.That(ReadAll(message.ResolveInclude(href)), Is.EqualTo(doc));
        }

        [Test]
        public async Task An_include_pointing_nowhere_is_reported()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:missing@x"))));
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1");

            Assert.That(message.GetXopIncludes()[0].Part, Is.Null);
            var ex = Assert.Throws<MtomFormatException>(() => message.ResolveInclude("cid:missing@x"));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-CID-UNRESOLVED"));
        }

        [Test]
        public async Task Pitfall_4_content_is_read_from_an_xop_Include_or_from_inline_base64()
        {
            byte[] doc = SampleData.Bytes(200_000);
            string inline = SampleData.Soap12Response("<x:Doc xmlns:x=\"urn:x\">" + Convert.ToBase64String(doc) + "</x:Doc>");
            using (var envelope = SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(inline)), true))
            using (var target = new MemoryStream())
            {
                Assert.That(XopContent.CopyTo(envelope.Body, null, target), Is.EqualTo(doc.Length));
                Assert.That(target.ToArray(), Is.EqualTo(doc));
            }

            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1");
            using SoapEnvelope mtomEnvelope = message.ReadEnvelope();
            using var mtomTarget = new MemoryStream();
            Assert.That(XopContent.CopyTo(mtomEnvelope.Body, message, mtomTarget), Is.EqualTo(doc.Length));
            Assert.That(mtomTarget.ToArray(), Is.EqualTo(doc));
        }

        [Test]
        public void Inline_content_that_is_not_base64_is_rejected()
        {
            string inline = SampleData.Soap12Response("<x:Doc xmlns:x=\"urn:x\">not*base64!</x:Doc>");
            using var envelope = SoapEnvelope.Read(new MemoryStream(SampleData.Utf8(inline)), true);
            var ex = Assert.Throws<MtomFormatException>(() => XopContent.CopyTo(envelope.Body, null, new MemoryStream()));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-BASE64"));
        }

        [Test]
        public async Task Pitfall_5_large_parts_spill_to_a_private_temporary_file_deleted_on_dispose()
        {
            string dir = Path.Combine(Path.GetTempPath(), "dmp-mtom-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                byte[] doc = SampleData.Bytes(300_000);
                byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
                var options = new MtomReaderOptions { SpillThresholdBytes = 100_000, TempDirectory = dir };
                MtomMessage message = await Read(data, "multipart/related; boundary=b1", options);

                Assert.That(message.Root.IsInTemporaryFile, Is.False);
                Assert.That(message.Parts[1].IsInTemporaryFile, Is.True);
                Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1));
                Assert.That(ReadAll(message.Parts[1]), Is.EqualTo(doc));
                Assert.That(ReadAll(message.Parts[1]), Is.EqualTo(doc), "can be opened again");
                message.Dispose();
                Assert.That(Directory.GetFiles(dir), Is.Empty);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Test]
        public async Task A_small_part_is_gone_once_the_message_is_disposed()
        {
            byte[] doc = SampleData.Bytes(200_000);
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
            MtomMessage message = await Read(data, "multipart/related; boundary=b1");
            MtomPart part = message.ResolveInclude("cid:att@x");
            Assert.That(part.IsInTemporaryFile, Is.False);
            using Stream open = part.OpenRead();
            Assert.That(open.Length, Is.EqualTo(doc.Length));
            open.Position = 100_000;
            var half = new byte[100_000];
            Assert.That(open.Read(half, 0, half.Length), Is.EqualTo(half.Length));
            Assert.That(half, Is.EqualTo(doc.Skip(100_000).ToArray()));

            message.Dispose();
            open.Position = 0;
            Assert.Throws<ObjectDisposedException>(() => open.ReadByte());
        }

        [Test]
        public async Task Pitfall_5_a_truncated_attachment_is_an_error_not_a_short_document()
        {
            byte[] whole = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", SampleData.Bytes(150_000)));
            byte[] cut = whole.Take(whole.Length - 5000).ToArray();
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(cut, "multipart/related; boundary=b1"));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-TRUNCATED"));
        }

        [Test]
        public async Task Pitfall_5_a_zero_byte_attachment_reads_as_zero_bytes()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", Array.Empty<byte>()));
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1");
            Assert.That(message.ResolveInclude("cid:att@x").Length, Is.Zero);
        }

        [Test]
        public async Task Pitfall_6_a_SOAP_11_envelope_in_a_soap_xml_typed_root_part_is_read()
        {
            using MtomMessage message = await MtomMessage.ReadAsync(File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fixtures", "soap", "td21-shaped-request.mtom")), null, null);
            Assert.That(message.Parts, Has.Count.EqualTo(3));
            Assert.That(message.Action, Is.EqualTo("DocumentRepository_ProvideAndRegisterDocumentSet-b"));
            using SoapEnvelope envelope = message.ReadEnvelope();
            Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap11));
            Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"));
            Assert.That(message.GetXopIncludes().Select(i => i.Part is not null), Is.EqualTo(new[] { true, true }));
            Assert.That(Encoding.UTF8.GetString(ReadAll(message.FindPart("FIXTURE_Signature01.xml")!)), Does.StartWith("<Signature").And.EndWith("</Signature>"));
        }

        [Test]
        public async Task Pitfall_7_a_fault_inside_an_MTOM_response_is_a_fault_not_a_missing_document()
        {
            using MtomMessage message = await MtomMessage.ReadAsync(File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "fixtures", "soap", "iti43-fault-in-mtom.http")), null, null);
            var ex = Assert.Throws<SoapFaultException>(() => message.ReadEnvelope());
            Assert.That(ex!.HasCode("DMPInvalidCertificate"), Is.True);
            Assert.That(ex.Reason, Is.EqualTo("Not a valid signature certificate"));
            Assert.That(ex.RawMessage, Does.StartWith("<soap:Envelope"));
        }

        [TestCase("\r\n", "", "", TestName = "CRLF, no preamble")]
        [TestCase("\n", "", "", TestName = "Bare LF line endings (the TD2.1 dump)")]
        [TestCase("\r\n", "This is a preamble.\r\n--b2\r\n\r\n", "\r\nEpilogue text\r\n--b1\r\n", TestName = "Preamble and epilogue")]
        public async Task Line_endings_preamble_and_epilogue_are_tolerated(string newline, string preamble, string epilogue)
        {
            byte[] doc = SampleData.Utf8("line1\r\nline2\n--b2 is not our boundary\r\n-\r\n");
            byte[] data = SampleData.Multipart("b1", newline, preamble, epilogue, (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));

            using MtomMessage message = await Read(data, "multipart/related; boundary=b1");
            Assert.That(message.Parts, Has.Count.EqualTo(2));
            Assert.That(ReadAll(message.ResolveInclude("cid:att@x")), Is.EqualTo(doc));
        }

        [Test]
        public async Task A_body_line_that_starts_with_the_boundary_and_goes_on_is_rejected()
        {
            byte[] doc = SampleData.Utf8("a\r\n--b1x\r\n");
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(data, "multipart/related; boundary=b1"));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-BOUNDARY"));
        }

        [TestCase("multipart/related; boundary=\"uuid:a b;c=d\"; type=\"application/xop+xml\"", "uuid:a b;c=d", TestName = "Quoted boundary with space, colon, semicolon")]
        [TestCase("Multipart/Related;BOUNDARY=simple123;type=application/xop+xml", "simple123", TestName = "Unquoted boundary, odd case, no spaces")]
        [TestCase("multipart/related;\r\n\tboundary=\"MIMEBoundary_x\"", "MIMEBoundary_x", TestName = "Folded Content-Type")]
        public async Task Quoted_and_unquoted_boundaries_are_accepted(string contentType, string boundary)
        {
            byte[] data = SampleData.Multipart(boundary, "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", SampleData.Bytes(10)));
            using MtomMessage message = await Read(data, contentType.Replace("\r\n\t", " ", StringComparison.Ordinal));
            Assert.That(message.Boundary, Is.EqualTo(boundary));
            Assert.That(message.Parts, Has.Count.EqualTo(2));
        }

        [Test]
        public async Task Folded_headers_padding_after_the_boundary_and_extra_spaces_are_tolerated()
        {
            byte[] doc = SampleData.Bytes(64);
            string raw = "--b1   \t\r\n" +
                         "Content-Type: application/xop+xml;\r\n charset=UTF-8;\r\n\ttype=\"application/soap+xml\"\r\n" +
                         "content-id  :   <root@x>  \r\n\r\n" + Envelope("cid:att@x") + "\r\n" +
                         "--b1 \r\nContent-ID:\r\n <att@x>\r\n\r\n";
            byte[] data = SampleData.Utf8(raw).Concat(doc).Concat(SampleData.Utf8("\r\n--b1-- \r\n")).ToArray();
            using MtomMessage message = await Read(data, "multipart/related; boundary=b1; start=\"<root@x>\"");

            Assert.That(message.Root.ContentType, Is.EqualTo("application/xop+xml; charset=UTF-8; type=\"application/soap+xml\""));
            Assert.That(ReadAll(message.ResolveInclude("cid:att@x")), Is.EqualTo(doc));
        }

        [TestCase(1)]
        [TestCase(3)]
        [TestCase(4096)]
        public async Task Delimiters_split_across_reads_are_found(int chunk)
        {
            byte[] doc = SampleData.Bytes(70_000);
            byte[] data = SampleData.Multipart("a-rather-long-boundary-0123456789", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
            using MtomMessage message = await MtomMessage.ReadAsync(new TrickleStream(data, chunk), "multipart/related; boundary=a-rather-long-boundary-0123456789", null);
            Assert.That(ReadAll(message.ResolveInclude("cid:att@x")), Is.EqualTo(doc));
        }

        [Test]
        public async Task A_body_containing_partial_delimiters_at_every_buffer_edge_is_kept_intact()
        {
            // CR, LF and "--b1" fragments throughout the data, which a scanner must not mistake for the delimiter.
            var doc = new byte[200_000];
            byte[] pattern = SampleData.Utf8("\r\n--b\r\n-\n--b\r");
            for (int i = 0; i < doc.Length; i++)
            {
                doc[i] = pattern[i % pattern.Length];
            }

            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", doc));
            using MtomMessage message = await MtomMessage.ReadAsync(new TrickleStream(data, 65_531), "multipart/related; boundary=b1", null);
            Assert.That(ReadAll(message.ResolveInclude("cid:att@x")), Is.EqualTo(doc));
        }

        [Test]
        public async Task A_capture_starting_with_HTTP_headers_is_read_with_its_Content_Type()
        {
            byte[] body = SampleData.Multipart("b9", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", SampleData.Bytes(5)));
            byte[] data = SampleData.Utf8("POST /repository HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/related; boundary=b9;\r\n start=\"<root@x>\"\r\n\r\n").Concat(body).ToArray();
            using MtomMessage message = await Read(data, null);
            Assert.That(message.Boundary, Is.EqualTo("b9"));
            Assert.That(message.Root.ContentId, Is.EqualTo("root@x"));
        }

        [TestCase("text/xml; charset=utf-8", "MTOM-CONTENT-TYPE")]
        [TestCase("multipart/related; type=\"application/xop+xml\"", "MTOM-BOUNDARY")]
        [TestCase("multipart/related; boundary=other", "MTOM-BOUNDARY-NOT-FOUND")]
        public async Task A_bad_Content_Type_is_rejected(string contentType, string rule)
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))));
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(data, contentType));
            Assert.That(ex!.Rule, Is.EqualTo(rule));
        }

        [Test]
        public async Task Two_parts_with_the_same_content_id_are_rejected()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <att@x>", SampleData.Bytes(5)), ("Content-ID: <att%40x>", SampleData.Bytes(5)));
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(data, "multipart/related; boundary=b1"));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-DUPLICATE-CID"));
        }

        [Test]
        public async Task A_header_line_without_a_colon_is_rejected()
        {
            byte[] data = SampleData.Multipart("b1", "\r\n", "", "", ("Content-ID <root@x>", SampleData.Bytes(5)));
            var ex = await Assert.ThrowsAsync<MtomFormatException>(() => Read(data, "multipart/related; boundary=b1"));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-HEADER"));
        }

        [Test]
        public async Task Limits_are_enforced_with_typed_errors()
        {
            byte[] threeParts = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <a@x>", SampleData.Bytes(5)), ("Content-ID: <b@x>", SampleData.Bytes(5)));
            var parts = await Assert.ThrowsAsync<MtomFormatException>(() => Read(threeParts, "multipart/related; boundary=b1", new MtomReaderOptions { MaxParts = 2 }));
            Assert.That(parts!.Rule, Is.EqualTo("MTOM-LIMIT-PARTS"));
            Assert.That(parts.IsLimitExceeded, Is.True);

            byte[] bigHeader = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders + "\nX-Padding: " + new string('p', 3000), SampleData.Utf8(Envelope("cid:att@x"))));
            var header = await Assert.ThrowsAsync<MtomFormatException>(() => Read(bigHeader, "multipart/related; boundary=b1", new MtomReaderOptions { MaxHeaderBytes = 1024 }));
            Assert.That(header!.Rule, Is.EqualTo("MTOM-LIMIT-HEADER"));

            byte[] big = SampleData.Multipart("b1", "\r\n", "", "", (RootHeaders, SampleData.Utf8(Envelope("cid:att@x"))), ("Content-ID: <a@x>", SampleData.Bytes(500_000)));
            var total = await Assert.ThrowsAsync<MtomFormatException>(() => Read(big, "multipart/related; boundary=b1", new MtomReaderOptions { MaxTotalBytes = 200_000 }));
            Assert.That(total!.Rule, Is.EqualTo("MTOM-LIMIT-TOTAL"));
            Assert.That(new MtomFormatException("x", "MTOM-TRUNCATED", "y").IsLimitExceeded, Is.False);
        }

        [TestCase("", TestName = "Empty content id")]
        [TestCase("<a@b>", TestName = "Content id with brackets")]
        [TestCase("a b", TestName = "Content id with a space")]
        public void A_bad_attachment_content_id_is_rejected(string id)
        {
            var ex = Assert.Throws<MtomFormatException>(() => _ = new MtomAttachment(id, new MemoryStream()));
            Assert.That(ex!.Rule, Is.EqualTo("MTOM-CONTENT-ID"));
        }

        [Test]
        public async Task The_writer_rejects_duplicate_content_ids_and_bad_boundaries_before_writing_anything()
        {
            var output = new MemoryStream();
            var dup = await Assert.ThrowsAsync<MtomFormatException>(() => new MtomWriter("urn:a").WriteAsync(output, SampleData.Utf8("<e/>"), new[] { new MtomAttachment("a@x", new MemoryStream()), new MtomAttachment("a@x", new MemoryStream()) }));
            Assert.That(dup!.Rule, Is.EqualTo("MTOM-DUPLICATE-CID"));
            var boundary = await Assert.ThrowsAsync<MtomFormatException>(() => new MtomWriter("urn:a") { Boundary = "bad\"boundary" }.WriteAsync(output, SampleData.Utf8("<e/>"), Array.Empty<MtomAttachment>()));
            Assert.That(boundary!.Rule, Is.EqualTo("MTOM-BOUNDARY"));
            Assert.That(output.Length, Is.Zero);
        }

        [Test]
        public void Hrefs_are_percent_encoded_like_the_DMP_does()
        {
            Assert.That(ContentIds.ToHref("b857abb7-2@urn:ihe:iti:xds-b:2007"), Is.EqualTo("cid:b857abb7-2@urn%3Aihe%3Aiti%3Axds-b%3A2007"));
            Assert.That(ContentIds.Normalize(ContentIds.ToHref("é x/y@z")), Is.EqualTo("é x/y@z"));
        }

        [TestCaseSource(typeof(ReferenceMaterial), nameof(ReferenceMaterial.Cases), new object[] { new[] { "dmp-messages/TD2.1-alimentation.request.xml" } })]
        public async Task The_official_TD21_request_parses_and_its_includes_resolve(string path)
        {
            using MtomMessage message = await MtomMessage.ReadAsync(File.OpenRead(path), null, null);

            Assert.That(message.Parts, Has.Count.EqualTo(3));
            Assert.That(message.Root.ContentId, Is.EqualTo("rootpart@soapui.org"));
            using (SoapEnvelope envelope = message.ReadEnvelope())
            {
                Assert.That(envelope.Version, Is.EqualTo(SoapVersion.Soap11));
                Assert.That(envelope.Action, Is.EqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"));
                Assert.That(envelope.Body.LocalName, Is.EqualTo("ProvideAndRegisterDocumentSetRequest"));
            }

            IReadOnlyList<XopInclude> includes = message.GetXopIncludes();
            Assert.That(includes.Select(i => i.ContentId), Is.EqualTo(new[] { "WS_DMP_TD2.1-DocumentME2.xml", "WS_DMP_TD2.1-SignatureXades.xml" }));
            Assert.That(includes.All(i => i.Part is not null), Is.True);
            string signature = Path.Combine(Path.GetDirectoryName(path)!, "TD2.1-SignatureXades.xml");
            Assert.That(ReadAll(includes[1].Part!), Is.EqualTo(File.ReadAllBytes(signature)), "the README says the signature part is byte-identical to the separate file");
        }

        [TestCaseSource(typeof(ReferenceMaterial), nameof(ReferenceMaterial.Cases), new object[] { new[] { "dmp-messages/TD3.2-consultation-document.response.xml" } })]
        public async Task The_official_TD32_response_URL_encoded_cid_resolves_to_its_attachment(string path)
        {
            byte[] doc = SampleData.Bytes(1234);
            byte[] data = SampleData.Multipart("uuid:b1", "\r\n", "", "",
                ("Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\nContent-ID: <root.message@cxf.apache.org>", File.ReadAllBytes(path)),
                ("Content-Type: application/octet-stream\nContent-ID: <b857abb7-a2c3-4db8-bd69-d5ff76826e72-2@urn:ihe:iti:xds-b:2007>", doc));
            using MtomMessage message = await Read(data, "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"");

            XopInclude include = message.GetXopIncludes().Single();
            Assert.That(include.Href, Does.Contain("%3A"));
            Assert.That(include.Part, Is.Not.Null);
            using SoapEnvelope envelope = message.ReadEnvelope();
            Assert.That(envelope.Body.ReadToDescendant("Document", "urn:ihe:iti:xds-b:2007"), Is.True);
            using var target = new MemoryStream();
            XopContent.CopyTo(envelope.Body, message, target);
            Assert.That(target.ToArray(), Is.EqualTo(doc));
        }
    }
}
