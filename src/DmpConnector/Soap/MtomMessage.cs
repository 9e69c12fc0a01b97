using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A received MTOM/XOP (<c>multipart/related</c>) message, read in one pass with bounded memory: the root part found
    /// by the <c>start</c> parameter (the first part when absent), the other parts by content id. Large parts live in
    /// temporary files that are deleted on <see cref="Dispose"/>.
    /// </summary>
    public sealed class MtomMessage : IDisposable
    {
        private readonly Dictionary<string, MtomPart> byId;

        private MtomMessage(IReadOnlyList<MtomPart> parts, MtomPart root, string boundary, string? action, Dictionary<string, MtomPart> byId)
        {
            Parts = parts;
            Root = root;
            Boundary = boundary;
            Action = action;
            this.byId = byId;
        }

        /// <summary>Every part, in message order (the root included).</summary>
        public IReadOnlyList<MtomPart> Parts { get; }

        /// <summary>The root part (the SOAP envelope).</summary>
        public MtomPart Root { get; }

        /// <summary>The MIME boundary.</summary>
        public string Boundary { get; }

        /// <summary>The <c>action</c> parameter of the message's or the root part's Content-Type, or null.</summary>
        public string? Action { get; }

        /// <summary>
        /// Reads a message. <paramref name="contentType"/> is the HTTP Content-Type; when null, the data may start with
        /// HTTP headers (a capture, whose Content-Type is used) or directly with the boundary line (a dump such as the
        /// official TD2.1 example, whose boundary is taken from it).
        /// </summary>
        /// <param name="input">The message bytes; read to the closing boundary, left open.</param>
        /// <param name="contentType">The HTTP Content-Type (<c>multipart/related; boundary=…</c>), or null to detect it.</param>
        /// <param name="options">Limits and buffering; <see cref="MtomReaderOptions.Default"/> when null.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The message; dispose it.</returns>
        /// <exception cref="MtomFormatException">The message is not readable multipart/related, or breaks a limit.</exception>
        public static async Task<MtomMessage> ReadAsync(Stream input, string? contentType, MtomReaderOptions? options, CancellationToken cancellationToken = default)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            options ??= MtomReaderOptions.Default;
            var scanner = new MultipartScanner(input, options);
            bool atFirstPart = false;
            if (contentType is null)
            {
                (contentType, atFirstPart) = await DetectAsync(scanner, options, cancellationToken).ConfigureAwait(false);
            }

            MimeHeaderValue type = MimeHeaderValue.Parse(contentType);
            if (type.MediaType != "multipart/related")
            {
                throw new MtomFormatException("Content-Type", "MTOM-CONTENT-TYPE", "an MTOM message has the Content-Type multipart/related", type.MediaType);
            }

            string boundary = type["boundary"] ?? string.Empty;
            if (boundary.Length is 0 or > 200)
            {
                throw new MtomFormatException("Content-Type", "MTOM-BOUNDARY", "the multipart/related Content-Type has no usable boundary parameter", contentType);
            }

            scanner.SetBoundary(boundary);
            var parts = new List<MtomPart>();
            try
            {
                if (!atFirstPart)
                {
                    await scanner.SkipPreambleAsync(cancellationToken).ConfigureAwait(false);
                }

                while (true)
                {
                    if (!atFirstPart)
                    {
                        // The rest of the delimiter line: "--" closes the message, otherwise only transport padding.
                        string rest = (await scanner.ReadLineAsync(options.MaxHeaderBytes, cancellationToken).ConfigureAwait(false) ?? "--").Trim();
                        if (rest.StartsWith("--", StringComparison.Ordinal))
                        {
                            break;
                        }

                        if (rest.Length != 0)
                        {
                            throw new MtomFormatException("boundary", "MTOM-BOUNDARY", "a line starts with the boundary but goes on; the boundary must not occur inside a part");
                        }
                    }

                    atFirstPart = false;
                    if (parts.Count >= options.MaxParts)
                    {
                        throw new MtomFormatException("parts", "MTOM-LIMIT-PARTS", "the message has more parts than MtomReaderOptions.MaxParts (" + options.MaxParts + ")");
                    }

                    Dictionary<string, string> headers = await scanner.ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
                    using var sink = new PartSink(options);
                    await scanner.CopyBodyAsync(sink, cancellationToken).ConfigureAwait(false);
                    parts.Add(await sink.CompleteAsync(headers, cancellationToken).ConfigureAwait(false));
                }

                if (parts.Count == 0)
                {
                    throw new MtomFormatException("parts", "MTOM-NO-PART", "the message has no part");
                }

                var byId = new Dictionary<string, MtomPart>(StringComparer.Ordinal);
                foreach (MtomPart part in parts)
                {
                    if (part.ContentId is { } id && !byId.ContainsKey(id))
                    {
                        byId.Add(id, part);
                    }
                    else if (part.ContentId is { } duplicate)
                    {
                        throw new MtomFormatException("Content-ID", "MTOM-DUPLICATE-CID", "two parts share a content id, so an xop:Include would be ambiguous", duplicate);
                    }
                }

                MtomPart root;
                string? start = type["start"];
                if (!string.IsNullOrWhiteSpace(start))
                {
                    if (!byId.TryGetValue(ContentIds.Normalize(start!), out root!))
                    {
                        throw new MtomFormatException("start", "MTOM-ROOT-NOT-FOUND", "no part has the content id named by the Content-Type's start parameter", start);
                    }
                }
                else
                {
                    root = parts[0];
                }

                string? action = type["action"] ?? MimeHeaderValue.Parse(root.ContentType)["action"];
                return new MtomMessage(parts, root, boundary, action, byId);
            }
            catch
            {
                foreach (MtomPart part in parts)
                {
                    part.Dispose();
                }

                throw;
            }
        }

        /// <summary>The part with this content id or <c>cid:</c> href (both decoded before matching), or null.</summary>
        /// <param name="contentIdOrHref">A content id (<c>&lt;a@b&gt;</c> or <c>a@b</c>) or an href (<c>cid:a%40b</c>).</param>
        /// <returns>The part, or null.</returns>
        public MtomPart? FindPart(string contentIdOrHref)
        {
            if (contentIdOrHref is null)
            {
                throw new ArgumentNullException(nameof(contentIdOrHref));
            }

            return byId.TryGetValue(ContentIds.Normalize(contentIdOrHref), out MtomPart? part) ? part : null;
        }

        /// <summary>The part an <c>xop:Include href</c> points to.</summary>
        /// <param name="href">The href, e.g. <c>cid:abc@urn%3Aihe%3Aiti%3Axds-b%3A2007</c>.</param>
        /// <returns>The part.</returns>
        /// <exception cref="MtomFormatException">Rule <c>MTOM-CID-UNRESOLVED</c>: no part has that content id.</exception>
        public MtomPart ResolveInclude(string href) =>
            FindPart(href) ?? throw new MtomFormatException("xop:Include", "MTOM-CID-UNRESOLVED", "an xop:Include points to a content id that no part of the message has", href);

        /// <summary>Reads the root part as a SOAP envelope (1.2 or 1.1).</summary>
        /// <returns>The envelope; dispose it.</returns>
        /// <exception cref="SoapFaultException">The root part holds a fault (the DMP answers ITI-43 faults as MTOM).</exception>
        public SoapEnvelope ReadEnvelope() => SoapEnvelope.Read(Root.OpenRead(), true);

        /// <summary>Lists every <c>xop:Include</c> of the root part and the part each resolves to (for diagnostics).</summary>
        /// <returns>The includes in document order.</returns>
        public IReadOnlyList<XopInclude> GetXopIncludes()
        {
            var result = new List<XopInclude>();
            using Stream stream = Root.OpenRead();
            using XmlReader reader = SafeXml.CreateReader(stream);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Include" && reader.NamespaceURI == SoapNamespaces.Xop)
                {
                    string href = reader.GetAttribute("href") ?? string.Empty;
                    result.Add(new XopInclude(href, ContentIds.Normalize(href), FindPart(href)));
                }
            }

            return result;
        }

        /// <summary>Disposes every part, deleting the temporary files.</summary>
        public void Dispose()
        {
            foreach (MtomPart part in Parts)
            {
                part.Dispose();
            }
        }

        private static async Task<(string ContentType, bool AtFirstPart)> DetectAsync(MultipartScanner scanner, MtomReaderOptions options, CancellationToken cancellationToken)
        {
            string? contentType = null;
            string? lastName = null;
            bool inHeaders = false;
            while (true)
            {
                string? line = await scanner.ReadLineAsync(options.MaxHeaderBytes, cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    throw new MtomFormatException("body", "MTOM-BOUNDARY-NOT-FOUND", "the data is empty: neither HTTP headers nor a boundary line");
                }

                if (!inHeaders && line.Trim().Length == 0)
                {
                    continue;
                }

                if (!inHeaders && line.StartsWith("--", StringComparison.Ordinal))
                {
                    string boundary = line.Substring(2).TrimEnd();
                    return ("multipart/related; boundary=\"" + boundary.Replace("\"", "\\\"") + "\"", true);
                }

                if (!inHeaders && (line.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase) || line.Contains(" HTTP/1.") || line.Contains(" HTTP/2")))
                {
                    inHeaders = true;
                    continue;
                }

                int colon = line.IndexOf(':');
                if (line.Trim().Length == 0)
                {
                    return (contentType ?? throw new MtomFormatException("Content-Type", "MTOM-CONTENT-TYPE", "the HTTP headers at the start of the data have no Content-Type"), false);
                }

                inHeaders = true;
                if ((line[0] == ' ' || line[0] == '\t') && lastName is not null)
                {
                    if (string.Equals(lastName, "Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        contentType += " " + line.Trim();
                    }

                    continue;
                }

                if (colon <= 0)
                {
                    throw new MtomFormatException("body", "MTOM-BOUNDARY-NOT-FOUND", "the data starts neither with HTTP headers nor with a boundary line (--boundary)");
                }

                lastName = line.Substring(0, colon).Trim();
                if (string.Equals(lastName, "Content-Type", StringComparison.OrdinalIgnoreCase) && contentType is null)
                {
                    contentType = line.Substring(colon + 1).Trim();
                }
            }
        }
    }
}
