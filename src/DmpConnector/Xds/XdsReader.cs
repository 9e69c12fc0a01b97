using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using DmpConnector.Internal;

namespace DmpConnector.Xds
{
    /// <summary>Limits and sinks for <see cref="XdsReader"/>.</summary>
    public sealed class XdsReaderOptions
    {
        /// <summary>The defaults: depth 64, values up to 256 K characters, inline documents counted but not kept.</summary>
        public static XdsReaderOptions Default { get; } = new();

        /// <summary>The deepest element nesting accepted (the XDS messages need about 12, a SOAP envelope a few more).</summary>
        public int MaxDepth { get; init; } = 64;

        /// <summary>The longest attribute or text value accepted, in characters.</summary>
        public int MaxValueLength { get; init; } = 256 * 1024;

        /// <summary>
        /// Where inline base64 document content goes: called with the Document id (null in ITI-43) and returns the
        /// stream to decode into (not disposed by the reader), or null to count the bytes without keeping them.
        /// </summary>
        public Func<string?, Stream?>? InlineDocumentSink { get; init; }
    }

    /// <summary>
    /// Reads any of the XDS.b messages (<see cref="XdsMessageKind"/>) with a streaming <see cref="XmlReader"/>: DTD
    /// prohibited, no resolver, depth and value length bounded. The message may be the whole document, inside a SOAP
    /// 1.1 or 1.2 envelope, or the root part of an MTOM message once extracted. Lenient where the official DMP
    /// examples deviate from the schemas (missing <c>classifiedObject</c>/<c>registryObject</c>, empty
    /// <c>nodeRepresentation</c>); every failure is an <see cref="XdsFormatException"/> with a rule id.
    /// </summary>
    public static class XdsReader
    {
        /// <summary>Reads a message from a stream.</summary>
        /// <param name="stream">The XML (UTF-8 or declared encoding).</param>
        /// <param name="options">Limits and the inline document sink; null for the defaults.</param>
        /// <returns>The message.</returns>
        public static IXdsMessage Read(Stream stream, XdsReaderOptions? options = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            Stream input = RefuseMultipart(stream);
            XmlReaderSettings settings = SafeXml.ReaderSettings();
            settings.IgnoreComments = true;
            try
            {
                using XmlReader reader = XmlReader.Create(input, settings);
                return new Parser(reader, options ?? XdsReaderOptions.Default).ReadDocument();
            }
            catch (XmlException ex)
            {
                throw Translate(ex);
            }
        }

        /// <summary>Reads a message from text.</summary>
        /// <param name="xml">The XML.</param>
        /// <param name="options">Limits and sinks; null for the defaults.</param>
        /// <returns>The message.</returns>
        public static IXdsMessage ReadString(string xml, XdsReaderOptions? options = null)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml ?? throw new ArgumentNullException(nameof(xml))));
            return Read(stream, options);
        }

        /// <summary>Reads a message of a known kind; another kind throws <see cref="XdsRules.UnknownMessage"/>.</summary>
        /// <typeparam name="T">The message type.</typeparam>
        /// <param name="stream">The XML.</param>
        /// <param name="options">Limits and sinks; null for the defaults.</param>
        /// <returns>The message.</returns>
        public static T ReadAs<T>(Stream stream, XdsReaderOptions? options = null)
            where T : class, IXdsMessage
        {
            IXdsMessage message = Read(stream, options);
            return message as T ?? throw new XdsFormatException("root", XdsRules.UnknownMessage, $"Expected a {typeof(T).Name} but the message is a {message.Kind}.", message.Kind.ToString(), valueIsSensitive: false);
        }

        /// <summary>
        /// Reads the message at the reader's position (or its first element; a SOAP envelope is entered). The reader
        /// must have been created with DTD processing prohibited.
        /// </summary>
        /// <param name="reader">The reader.</param>
        /// <param name="options">Limits and sinks; null for the defaults.</param>
        /// <returns>The message.</returns>
        public static IXdsMessage ReadFrom(XmlReader reader, XdsReaderOptions? options = null)
        {
            if (reader is null)
            {
                throw new ArgumentNullException(nameof(reader));
            }

            if (reader.Settings is { DtdProcessing: not DtdProcessing.Prohibit })
            {
                throw new ArgumentException("The reader must prohibit DTDs (use SafeXml settings).", nameof(reader));
            }

            try
            {
                return new Parser(reader, options ?? XdsReaderOptions.Default).ReadDocument();
            }
            catch (XmlException ex)
            {
                throw Translate(ex);
            }
        }

        /// <summary>True when the bytes start like a MIME multipart body (a boundary line or HTTP/MIME headers) rather than XML.</summary>
        /// <param name="head">The first bytes of the input.</param>
        /// <param name="count">How many bytes are valid.</param>
        /// <returns>True for a multipart body.</returns>
        public static bool LooksLikeMultipart(byte[] head, int count)
        {
            if (head is null)
            {
                throw new ArgumentNullException(nameof(head));
            }

            int i = 0;
            if (count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
            {
                i = 3;
            }

            while (i < count && (head[i] == ' ' || head[i] == '\r' || head[i] == '\n' || head[i] == '\t'))
            {
                i++;
            }

            if (i >= count || head[i] == '<')
            {
                return false;
            }

            string start = Encoding.ASCII.GetString(head, i, Math.Min(count - i, 40));
            return start.StartsWith("--", StringComparison.Ordinal)
                || start.StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase)
                || start.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                || start.StartsWith("MIME-Version", StringComparison.OrdinalIgnoreCase)
                || start.StartsWith("POST ", StringComparison.OrdinalIgnoreCase);
        }

        private static PrefixedStream RefuseMultipart(Stream stream)
        {
            var head = new byte[64];
            int count = 0;
            int n;
            while (count < head.Length && (n = stream.Read(head, count, head.Length - count)) > 0)
            {
                count += n;
            }

            if (LooksLikeMultipart(head, count))
            {
                throw new XdsFormatException("input", XdsRules.MtomNotSupported, "The input is a MIME multipart (MTOM) body, not XML. Extract the root part (the SOAP envelope) first; the SDK's MTOM reader does that.", null, valueIsSensitive: false);
            }

            return new PrefixedStream(head, count, stream);
        }

        private static XdsFormatException Translate(XmlException ex)
        {
            bool dtd = ex.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0 || ex.Message.IndexOf("DOCTYPE", StringComparison.OrdinalIgnoreCase) >= 0;
            string where = ex.LineNumber > 0 ? $"line {ex.LineNumber}, position {ex.LinePosition}" : "input";
            return dtd
                ? new XdsFormatException(where, XdsRules.XmlDtd, "The message carries a DTD; DTDs and entity declarations are refused (entity expansion and external entities are attacks).", null, false, ex)
                : new XdsFormatException(where, XdsRules.XmlMalformed, "The message is not well-formed XML (truncated, or bad characters): " + ex.Message, null, false, ex);
        }

        private static readonly HashSet<string> StructuralNames = new(StringComparer.Ordinal)
        {
            "RegistryObjectList", "RegistryErrorList", "RegistryError", "SubmitObjectsRequest", "Document", "ExtrinsicObject", "RegistryPackage",
            "Association", "ObjectRef", "Classification", "RegistryResponse", "Slot", "Name", "Description", "ExternalIdentifier", "VersionInfo",
        };

        /// <summary>The generic shape of an ebRIM registry object while it is read.</summary>
        private sealed class Raw
        {
            public string LocalName = string.Empty;
            public readonly List<KeyValuePair<string, string>> Attributes = new(6);
            public readonly List<Slot> Slots = new();
            public readonly List<Raw> Classifications = new();
            public readonly List<Raw> ExternalIdentifiers = new();
            public string? Name;
            public string? Description;
            public string? VersionName;
            public int Line;

            /// <summary>Empties the object for reuse (its lists keep their capacity).</summary>
            public void Reset()
            {
                LocalName = string.Empty;
                Attributes.Clear();
                Slots.Clear();
                Classifications.Clear();
                ExternalIdentifiers.Clear();
                Name = null;
                Description = null;
                VersionName = null;
                Line = 0;
            }

            public string? Attr(string name)
            {
                // A handful of attributes: a linear search allocates nothing, unlike a dictionary per object.
                foreach (KeyValuePair<string, string> a in Attributes)
                {
                    if (a.Key == name)
                    {
                        return a.Value;
                    }
                }

                return null;
            }
        }

        private sealed class Parser
        {
            private readonly XmlReader _r;
            private readonly XdsReaderOptions _options;
            private readonly char[] _chunk = new char[4096];
            private readonly string _classifiedObjectName;
            private readonly string _registryObjectName;
            private readonly string _idName;
            private readonly string _lidName;

            // Short text values seen in this message, shared (this parse only: never the caller's name table).
            private readonly NameTable _values = new();

            // Raw shapes of document entries already mapped, reused for the next ones.
            private readonly Stack<Raw> _pool = new();
            private readonly List<string> _slotValues = new();

            private void Release(Raw raw)
            {
                foreach (Raw child in raw.Classifications)
                {
                    Release(child);
                }

                foreach (Raw child in raw.ExternalIdentifiers)
                {
                    Release(child);
                }

                raw.Reset();
                _pool.Push(raw);
            }
            private int _baseDepth;

            public Parser(XmlReader reader, XdsReaderOptions options)
            {
                _r = reader;
                _options = options;
                _classifiedObjectName = reader.NameTable.Add("classifiedObject");
                _registryObjectName = reader.NameTable.Add("registryObject");
                _idName = reader.NameTable.Add("id");
                _lidName = reader.NameTable.Add("lid");
            }

            public IXdsMessage ReadDocument()
            {
                if (_r.ReadState == ReadState.Initial && !_r.Read())
                {
                    throw Malformed("The input is empty.");
                }

                _baseDepth = _r.Depth;
                if (_r.NodeType != XmlNodeType.Element && !NextElementAtOrAbove(_baseDepth))
                {
                    throw Malformed("The input has no root element.");
                }

                if (_r.LocalName == "Envelope")
                {
                    if (_r.NamespaceURI is not (XdsNamespaces.Soap11 or XdsNamespaces.Soap12))
                    {
                        throw Unknown();
                    }

                    bool found = false;
                    ForEachChild(() =>
                    {
                        if (!found && _r.LocalName == "Body" && _r.NamespaceURI is XdsNamespaces.Soap11 or XdsNamespaces.Soap12)
                        {
                            ForEachChild(() =>
                            {
                                if (found)
                                {
                                    Skip();
                                    return;
                                }

                                found = true;
                                _message = ReadMessage();
                            });
                        }
                        else
                        {
                            Skip();
                        }
                    });
                    return _message ?? throw new XdsFormatException("Envelope/Body", XdsRules.UnknownMessage, "The SOAP envelope has no Body content.", null, false);
                }

                return ReadMessage();
            }

            private IXdsMessage? _message;

            private bool NextElementAtOrAbove(int depth)
            {
                while (Next())
                {
                    if (_r.NodeType == XmlNodeType.Element)
                    {
                        return true;
                    }
                }

                _ = depth;
                return false;
            }

            private IXdsMessage ReadMessage()
            {
                string ns = _r.NamespaceURI;
                if (_r.LocalName == "Fault" && ns is XdsNamespaces.Soap11 or XdsNamespaces.Soap12)
                {
                    throw new XdsFormatException("Envelope/Body/Fault", XdsRules.SoapFault, "The SOAP body holds a fault, not an XDS message: the service refused the call (read it with the SOAP layer, or 'dmp mtom inspect' for a capture).", null, false);
                }

                return (_r.LocalName, ns) switch
                {
                    ("ProvideAndRegisterDocumentSetRequest", XdsNamespaces.XdsB) => ReadProvideAndRegister(),
                    ("SubmitObjectsRequest", XdsNamespaces.Lcm) => new SubmitObjectsRequest { Metadata = ReadSubmitObjects() },
                    ("AdhocQueryRequest", XdsNamespaces.Query) => ReadQueryRequest(),
                    ("AdhocQueryResponse", XdsNamespaces.Query) => ReadQueryResponse(),
                    ("RegistryResponse", XdsNamespaces.Rs) => ReadRegistryResponse(),
                    ("RetrieveDocumentSetRequest", XdsNamespaces.XdsB) => ReadRetrieveRequest(),
                    ("RetrieveDocumentSetResponse", XdsNamespaces.XdsB) => ReadRetrieveResponse(),
                    _ => throw Unknown(),
                };
            }

            private XdsFormatException Unknown() => new(
                _r.LocalName, XdsRules.UnknownMessage,
                "The element is not an XDS.b message this SDK reads (ProvideAndRegisterDocumentSetRequest, SubmitObjectsRequest, AdhocQueryRequest/Response, RegistryResponse, RetrieveDocumentSetRequest/Response in their ebRS 3.0 / XDS.b namespaces).",
                "{" + _r.NamespaceURI + "}" + _r.LocalName, false);

            private XdsFormatException Malformed(string explanation) => new(Where(), XdsRules.XmlMalformed, explanation, null, false);

            private string Where() => _r is IXmlLineInfo li && li.HasLineInfo() ? $"{_r.LocalName} (line {li.LineNumber})" : _r.LocalName;

            // ---- primitive navigation, with the depth and length bounds ----
            private bool Next()
            {
                if (!_r.Read())
                {
                    return false;
                }

                if (_r.NodeType == XmlNodeType.Element)
                {
                    if (_r.Depth - _baseDepth > _options.MaxDepth)
                    {
                        throw new XdsFormatException(Where(), XdsRules.XmlDepth, $"Elements are nested deeper than {_options.MaxDepth} levels.", null, false);
                    }

                }

                return true;
            }

            /// <summary>Calls the handler on each child element; the handler leaves the reader on the child's last node.</summary>
            private void ForEachChild(Action handler)
            {
                if (_r.IsEmptyElement)
                {
                    return;
                }

                int depth = _r.Depth;
                while (Next())
                {
                    if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
                    {
                        return;
                    }

                    if (_r.NodeType == XmlNodeType.Element)
                    {
                        handler();
                    }
                }

                throw Malformed("The message ends before its elements are closed (truncated).");
            }

            private void Skip()
            {
                if (_r.IsEmptyElement)
                {
                    return;
                }

                int depth = _r.Depth;
                while (Next())
                {
                    if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
                    {
                        return;
                    }
                }

                throw Malformed("The message ends before its elements are closed (truncated).");
            }

            /// <summary>
            /// Moves to the next child element of the element at <paramref name="depth"/>; false at its end tag. The
            /// allocation-free form of <see cref="ForEachChild"/> for the per-object hot paths.
            /// </summary>
            private bool NextChild(int depth)
            {
                while (Next())
                {
                    if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
                    {
                        return false;
                    }

                    if (_r.NodeType == XmlNodeType.Element)
                    {
                        return true;
                    }
                }

                throw Malformed("The message ends before its elements are closed (truncated).");
            }

            private static void SetAttribute(List<KeyValuePair<string, string>> attributes, string name, string value)
            {
                for (int i = 0; i < attributes.Count; i++)
                {
                    if (attributes[i].Key == name)
                    {
                        attributes[i] = new KeyValuePair<string, string>(name, value);
                        return;
                    }
                }

                attributes.Add(new KeyValuePair<string, string>(name, value));
            }

            /// <summary>
            /// Skips an element the message may carry as an extension, but refuses an ebRIM/ebRS/XDS.b element in another
            /// namespace (e.g. ebXML 2.1): silently dropping its objects would lose metadata.
            /// </summary>
            private void SkipUnknown()
            {
                if (StructuralNames.Contains(_r.LocalName))
                {
                    throw new XdsFormatException(Where(), XdsRules.UnknownMessage, $"{_r.LocalName} is in the namespace '{_r.NamespaceURI}', not the ebRIM/ebRS 3.0 or XDS.b one: its content would be lost.", _r.NamespaceURI, false);
                }

                Skip();
            }

            private bool Is(string localName, string ns) => _r.LocalName == localName && _r.NamespaceURI == ns;

            private string? Attr(string name)
            {
                if (!_r.MoveToAttribute(name))
                {
                    return null;
                }

                string value = AttributeValue();
                _r.MoveToElement();
                return value;
            }

            /// <summary>
            /// The value of the attribute the reader is on, bounded in length. Short values are copied out in chunks and
            /// shared through this parse's table (codes, schemes, object ids repeat across an entry's classifications),
            /// so the reader does not allocate a string per occurrence.
            /// </summary>
            private string AttributeValue()
            {
                if (!_r.CanReadValueChunk)
                {
                    string plain = _r.Value;
                    return plain.Length > _options.MaxValueLength ? throw TooLongAttribute() : plain;
                }

                int pending = 0;
                StringBuilder? text = null;
                int n;
                while ((n = _r.ReadValueChunk(_chunk, pending, _chunk.Length - pending)) > 0)
                {
                    pending += n;
                    if ((text?.Length ?? 0) + pending > _options.MaxValueLength)
                    {
                        throw TooLongAttribute();
                    }

                    if (pending == _chunk.Length)
                    {
                        text ??= new StringBuilder();
                        text.Append(_chunk, 0, pending);
                        pending = 0;
                    }
                }

                return text is not null ? text.Append(_chunk, 0, pending).ToString()
                    : pending == 0 ? string.Empty
                    : pending <= 64 ? _values.Add(_chunk, 0, pending) : new string(_chunk, 0, pending);
            }

            private string Checked(string value) => value.Length > _options.MaxValueLength ? throw TooLongAttribute() : value;

            private XdsFormatException TooLongAttribute()
            {
                string name = _r.Name;
                _r.MoveToElement();
                return new XdsFormatException(Where() + "/@" + name, XdsRules.ValueTooLong, $"An attribute value is longer than {_options.MaxValueLength} characters.", null, false);
            }

            private string RequiredAttr(string name, string element)
            {
                string? value = Attr(name);
                if (string.IsNullOrEmpty(value))
                {
                    throw new XdsFormatException(element + "/@" + name, XdsRules.MissingAttribute, $"{element} requires the attribute {name}.", null, false);
                }

                return value!;
            }

            /// <summary>The text content of the current element (nested elements ignored), bounded.</summary>
            private string ReadText()
            {
                if (_r.IsEmptyElement)
                {
                    return string.Empty;
                }

                int depth = _r.Depth;
                StringBuilder? text = null;
                int pending = 0;
                while (Next())
                {
                    switch (_r.NodeType)
                    {
                        case XmlNodeType.EndElement when _r.Depth == depth:
                            // One short text node (the usual case): no builder, and repeated values (codes, code systems,
                            // statuses, times) shared through the reader's name table instead of a new string each.
                            return text is not null ? text.Append(_chunk, 0, pending).ToString()
                                : pending == 0 ? string.Empty
                                : pending <= 64 ? _values.Add(_chunk, 0, pending) : new string(_chunk, 0, pending);
                        case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                            int n;
                            while ((n = _r.ReadValueChunk(_chunk, pending, _chunk.Length - pending)) > 0)
                            {
                                if ((text?.Length ?? 0) + pending + n > _options.MaxValueLength)
                                {
                                    throw new XdsFormatException(Where(), XdsRules.ValueTooLong, $"A text value is longer than {_options.MaxValueLength} characters.", null, false);
                                }

                                pending += n;
                                if (pending == _chunk.Length)
                                {
                                    text ??= new StringBuilder();
                                    text.Append(_chunk, 0, pending);
                                    pending = 0;
                                }
                            }

                            break;
                        case XmlNodeType.Element:
                            Skip();
                            break;
                    }
                }

                throw Malformed("The message ends inside a value (truncated).");
            }

            private static long? ParseLong(string? value, string field)
            {
                if (value is null)
                {
                    return null;
                }

                return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
                    ? n
                    : throw new XdsFormatException(field, XdsRules.InvalidValue, $"{field} must be a whole number.", value, false);
            }

            // ---- ebRIM building blocks ----
            private Slot ReadSlot()
            {
                string name = RequiredAttr("name", "Slot");
                string? slotType = Attr("slotType");
                List<string> values = _slotValues;
                values.Clear();
                if (!_r.IsEmptyElement)
                {
                    int depth = _r.Depth;
                    while (NextChild(depth))
                    {
                        if (Is("ValueList", XdsNamespaces.Rim) && !_r.IsEmptyElement)
                        {
                            int listDepth = _r.Depth;
                            while (NextChild(listDepth))
                            {
                                if (Is("Value", XdsNamespaces.Rim))
                                {
                                    values.Add(ReadText());
                                }
                                else
                                {
                                    Skip();
                                }
                            }
                        }
                        else
                        {
                            Skip();
                        }
                    }
                }

                return new Slot(name, EquatableList<string>.Own(values.ToArray())) { SlotType = slotType };
            }

            private string? ReadLocalized()
            {
                string? value = null;
                if (!_r.IsEmptyElement)
                {
                    int depth = _r.Depth;
                    while (NextChild(depth))
                    {
                        if (value is null && Is("LocalizedString", XdsNamespaces.Rim))
                        {
                            value = RequiredAttr("value", "LocalizedString");
                        }

                        Skip();
                    }
                }

                return value;
            }

            private Raw ReadRaw() => ReadRaw(nested: false);

            private Raw ReadRaw(bool nested)
            {
                Raw raw = _pool.Count > 0 ? _pool.Pop() : new Raw();
                raw.LocalName = _r.LocalName;
                raw.Line = _r is IXmlLineInfo li ? li.LineNumber : 0;
                if (_r.MoveToFirstAttribute())
                {
                    do
                    {
                        string name = _r.LocalName;
                        if (_r.NamespaceURI.Length != 0 || (nested && ((object)name == _classifiedObjectName || (object)name == _registryObjectName)))
                        {
                            // A nested classification or identifier belongs to its parent: the model does not keep the
                            // back reference (the writer writes the parent's id), so it is not even read.
                            continue;
                        }

                        // Ids are unique: taken as the reader gives them. Other values repeat and are shared.
                        SetAttribute(raw.Attributes, name, (object)name == _idName || (object)name == _lidName ? Checked(_r.Value) : AttributeValue());
                    }
                    while (_r.MoveToNextAttribute());
                    _r.MoveToElement();
                }

                int depth = _r.IsEmptyElement ? -1 : _r.Depth;
                while (depth >= 0 && NextChild(depth))
                {
                    if (_r.NamespaceURI != XdsNamespaces.Rim)
                    {
                        SkipUnknown();
                        continue;
                    }

                    switch (_r.LocalName)
                    {
                        case "Slot":
                            raw.Slots.Add(ReadSlot());
                            break;
                        case "Name":
                            raw.Name = ReadLocalized();
                            break;
                        case "Description":
                            raw.Description = ReadLocalized();
                            break;
                        case "VersionInfo":
                            raw.VersionName = Attr("versionName");
                            Skip();
                            break;
                        case "Classification":
                            raw.Classifications.Add(ReadRaw(nested: true));
                            break;
                        case "ExternalIdentifier":
                            raw.ExternalIdentifiers.Add(ReadRaw(nested: true));
                            break;
                        default:
                            Skip();
                            break;
                    }
                }

                return raw;
            }

            // ---- messages ----
            private ProvideAndRegisterDocumentSetRequest ReadProvideAndRegister()
            {
                XdsMetadata? metadata = null;
                var documents = new List<DocumentAttachment>();
                ForEachChild(() =>
                {
                    if (Is("SubmitObjectsRequest", XdsNamespaces.Lcm))
                    {
                        metadata = ReadSubmitObjects();
                    }
                    else if (Is("Document", XdsNamespaces.XdsB))
                    {
                        documents.Add(ReadDocumentElement(RequiredAttr("id", "Document")));
                    }
                    else
                    {
                        SkipUnknown();
                    }
                });
                return new ProvideAndRegisterDocumentSetRequest
                {
                    Metadata = metadata ?? throw new XdsFormatException("ProvideAndRegisterDocumentSetRequest", XdsRules.MissingAttribute, "The request has no SubmitObjectsRequest.", null, false),
                    Documents = documents,
                };
            }

            private DocumentAttachment ReadDocumentElement(string? id)
            {
                if (_r.IsEmptyElement)
                {
                    return new DocumentAttachment { DocumentId = id, IsInline = true, InlineLength = 0 };
                }

                int depth = _r.Depth;
                string? contentId = null;
                long length = 0;
                bool inline = false;
                Stream? sink = null;
                bool sinkAsked = false;
                var buffer = new byte[16384];
                bool advanced = Next();
                while (advanced)
                {
                    if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
                    {
                        break;
                    }

                    if (_r.NodeType == XmlNodeType.Element)
                    {
                        if (Is("Include", XdsNamespaces.Xop))
                        {
                            contentId = XopReference.FromHref(RequiredAttr("href", "xop:Include"));
                        }

                        Skip();
                        advanced = Next();
                    }
                    else if (_r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                    {
                        if (!sinkAsked)
                        {
                            sink = _options.InlineDocumentSink?.Invoke(id);
                            sinkAsked = true;
                        }

                        inline = true;
                        int n;
                        while ((n = _r.ReadContentAsBase64(buffer, 0, buffer.Length)) > 0)
                        {
                            sink?.Write(buffer, 0, n);
                            length += n;
                        }

                        // ReadContentAsBase64 leaves the reader on the next non-text node.
                        advanced = !_r.EOF;
                        if (_r.NodeType == XmlNodeType.Element && _r.Depth - _baseDepth > _options.MaxDepth)
                        {
                            throw new XdsFormatException(Where(), XdsRules.XmlDepth, $"Elements are nested deeper than {_options.MaxDepth} levels.", null, false);
                        }
                    }
                    else
                    {
                        advanced = Next();
                    }
                }

                if (!advanced)
                {
                    throw Malformed("The message ends inside a Document element (truncated).");
                }

                return contentId is not null && !inline
                    ? new DocumentAttachment { DocumentId = id, ContentId = contentId }
                    : new DocumentAttachment { DocumentId = id, IsInline = true, InlineLength = length };
            }

            private XdsMetadata ReadSubmitObjects()
            {
                XdsMetadata metadata = XdsMetadata.Empty;
                ForEachChild(() =>
                {
                    if (Is("RegistryObjectList", XdsNamespaces.Rim))
                    {
                        metadata = ReadObjectList();
                    }
                    else
                    {
                        SkipUnknown();
                    }
                });
                return metadata;
            }

            private XdsMetadata ReadObjectList()
            {
                var extrinsic = new List<DocumentEntry>();
                var packages = new List<Raw>();
                var associations = new List<Association>();
                var refs = new List<string>();
                var classifications = new List<Raw>();
                ForEachChild(() =>
                {
                    if (_r.NamespaceURI != XdsNamespaces.Rim)
                    {
                        SkipUnknown();
                        return;
                    }

                    switch (_r.LocalName)
                    {
                        case "ExtrinsicObject":
                            // Mapped at once (an entry depends on nothing else in the list), and its raw shape reused.
                            Raw raw = ReadRaw();
                            extrinsic.Add(XdsMapping.ToDocumentEntry(raw));
                            Release(raw);
                            break;
                        case "RegistryPackage":
                            packages.Add(ReadRaw());
                            break;
                        case "Association":
                            associations.Add(XdsMapping.ToAssociation(ReadRaw()));
                            break;
                        case "Classification":
                            classifications.Add(ReadRaw());
                            break;
                        case "ObjectRef":
                            refs.Add(RequiredAttr("id", "ObjectRef"));
                            Skip();
                            break;
                        default:
                            Skip();
                            break;
                    }
                });

                return XdsMapping.Build(extrinsic, packages, associations, refs, classifications);
            }

            private AdhocQueryRequest ReadQueryRequest()
            {
                var request = new AdhocQueryRequest();
                ForEachChild(() =>
                {
                    if (Is("ResponseOption", XdsNamespaces.Query))
                    {
                        request = request with
                        {
                            ReturnType = Attr("returnType") ?? AdhocQueryRequest.LeafClass,
                            ReturnComposedObjects = string.Equals(Attr("returnComposedObjects"), "true", StringComparison.Ordinal),
                        };
                        Skip();
                    }
                    else if (Is("AdhocQuery", XdsNamespaces.Rim))
                    {
                        Raw query = ReadRaw();
                        string id = query.Attr("id") ?? throw new XdsFormatException("AdhocQuery/@id", XdsRules.MissingAttribute, "AdhocQuery requires the attribute id (the stored query id).", null, false);
                        var parameters = new List<QueryParameter>();
                        foreach (Slot slot in query.Slots)
                        {
                            parameters.Add(new QueryParameter(slot.Name) { Values = slot.Values });
                        }

                        request = request with { QueryId = id, Home = query.Attr("home"), Parameters = parameters };
                    }
                    else
                    {
                        Skip();
                    }
                });
                if (request.QueryId.Length == 0)
                {
                    throw new XdsFormatException("AdhocQueryRequest", XdsRules.MissingAttribute, "The request has no AdhocQuery.", null, false);
                }

                return request;
            }

            private AdhocQueryResponse ReadQueryResponse()
            {
                string status = RequiredAttr("status", "AdhocQueryResponse");
                var response = new AdhocQueryResponse
                {
                    Status = status,
                    RequestId = Attr("requestId"),
                    StartIndex = ParseLong(Attr("startIndex"), "startIndex"),
                    TotalResultCount = ParseLong(Attr("totalResultCount"), "totalResultCount"),
                };
                ForEachChild(() =>
                {
                    if (Is("RegistryErrorList", XdsNamespaces.Rs))
                    {
                        response = response with { Errors = ReadErrors() };
                    }
                    else if (Is("RegistryObjectList", XdsNamespaces.Rim))
                    {
                        response = response with { Metadata = ReadObjectList() };
                    }
                    else
                    {
                        SkipUnknown();
                    }
                });
                return response;
            }

            private RegistryResponse ReadRegistryResponse()
            {
                var response = new RegistryResponse { Status = RequiredAttr("status", "RegistryResponse"), RequestId = Attr("requestId") };
                ForEachChild(() =>
                {
                    if (Is("RegistryErrorList", XdsNamespaces.Rs))
                    {
                        response = response with { Errors = ReadErrors() };
                    }
                    else
                    {
                        SkipUnknown();
                    }
                });
                return response;
            }

            private EquatableList<RegistryError> ReadErrors()
            {
                var errors = new List<RegistryError>();
                ForEachChild(() =>
                {
                    if (Is("RegistryError", XdsNamespaces.Rs))
                    {
                        var error = new RegistryError
                        {
                            ErrorCode = RequiredAttr("errorCode", "RegistryError"),
                            CodeContext = Attr("codeContext"),
                            Location = Attr("location"),
                            Severity = Attr("severity") ?? XdsResponseStatus.SeverityError,
                        };
                        string text = ReadText();
                        errors.Add(text.Trim().Length == 0 ? error : error with { Value = text });
                    }
                    else
                    {
                        Skip();
                    }
                });
                return errors;
            }

            private RetrieveDocumentSetRequest ReadRetrieveRequest()
            {
                var documents = new List<DocumentRequest>();
                ForEachChild(() =>
                {
                    if (Is("DocumentRequest", XdsNamespaces.XdsB))
                    {
                        var request = new DocumentRequest();
                        ForEachChild(() =>
                        {
                            request = _r.NamespaceURI != XdsNamespaces.XdsB ? Skipped(request) : _r.LocalName switch
                            {
                                "HomeCommunityId" => request with { HomeCommunityId = ReadText() },
                                "RepositoryUniqueId" => request with { RepositoryUniqueId = ReadText() },
                                "DocumentUniqueId" => request with { DocumentUniqueId = ReadText() },
                                _ => Skipped(request),
                            };
                        });
                        if (request.DocumentUniqueId.Length == 0 || request.RepositoryUniqueId.Length == 0)
                        {
                            throw new XdsFormatException("DocumentRequest", XdsRules.MissingAttribute, "A DocumentRequest needs RepositoryUniqueId and DocumentUniqueId.", null, false);
                        }

                        documents.Add(request);
                    }
                    else
                    {
                        Skip();
                    }
                });
                return new RetrieveDocumentSetRequest { Documents = documents };
            }

            private T Skipped<T>(T value)
            {
                Skip();
                return value;
            }

            private RetrieveDocumentSetResponse ReadRetrieveResponse()
            {
                RegistryResponse? status = null;
                var documents = new List<DocumentResponse>();
                ForEachChild(() =>
                {
                    if (Is("RegistryResponse", XdsNamespaces.Rs))
                    {
                        status = ReadRegistryResponse();
                    }
                    else if (Is("DocumentResponse", XdsNamespaces.XdsB))
                    {
                        var response = new DocumentResponse();
                        ForEachChild(() =>
                        {
                            response = _r.NamespaceURI != XdsNamespaces.XdsB ? Skipped(response) : _r.LocalName switch
                            {
                                "HomeCommunityId" => response with { HomeCommunityId = ReadText() },
                                "RepositoryUniqueId" => response with { RepositoryUniqueId = ReadText() },
                                "DocumentUniqueId" => response with { DocumentUniqueId = ReadText() },
                                "NewRepositoryUniqueId" => response with { NewRepositoryUniqueId = ReadText() },
                                "NewDocumentUniqueId" => response with { NewDocumentUniqueId = ReadText() },
                                "mimeType" => response with { MimeType = ReadText() },
                                "Document" => response with { Document = ReadDocumentElement(null) },
                                _ => Skipped(response),
                            };
                        });
                        documents.Add(response);
                    }
                    else
                    {
                        Skip();
                    }
                });
                return new RetrieveDocumentSetResponse
                {
                    Response = status ?? throw new XdsFormatException("RetrieveDocumentSetResponse", XdsRules.MissingAttribute, "The response has no RegistryResponse.", null, false),
                    Documents = documents,
                };
            }
        }

        /// <summary>Maps the generic ebRIM shapes to the typed model, keeping what it does not name.</summary>
        private static class XdsMapping
        {
            private static readonly string[] DocumentSingleSlots =
            {
                "creationTime", "hash", "languageCode", "legalAuthenticator", "repositoryUniqueId", "serviceStartTime", "serviceStopTime", "size", "sourcePatientId",
            };

            public static XdsMetadata Build(List<DocumentEntry> entries, List<Raw> packages, List<Association> associations, List<string> refs, List<Raw> classifications)
            {
                var submissionSetIds = new HashSet<string>(StringComparer.Ordinal);
                var folderIds = new HashSet<string>(StringComparer.Ordinal);
                var extraClassifications = new List<Classification>();
                foreach (Raw c in classifications)
                {
                    string? node = c.Attr("classificationNode");
                    string? target = c.Attr("classifiedObject");
                    if (target is not null && node == XdsUuids.SubmissionSetNode)
                    {
                        submissionSetIds.Add(target);
                    }
                    else if (target is not null && node == XdsUuids.FolderNode)
                    {
                        folderIds.Add(target);
                    }
                    else
                    {
                        extraClassifications.Add(ToClassification(c, keepId: true) with { ClassifiedObject = target });
                    }
                }

                var sets = new List<SubmissionSet>();
                var folders = new List<Folder>();
                foreach (Raw p in packages)
                {
                    string id = Required(p, "id");
                    bool isSet = submissionSetIds.Contains(id) || p.Classifications.Exists(c => c.Attr("classificationNode") == XdsUuids.SubmissionSetNode);
                    bool isFolder = folderIds.Contains(id) || p.Classifications.Exists(c => c.Attr("classificationNode") == XdsUuids.FolderNode);
                    if (!isSet && !isFolder)
                    {
                        // No node classification: decide by the identification schemes it carries.
                        isFolder = p.ExternalIdentifiers.Exists(e => e.Attr("identificationScheme") == XdsUuids.FolderUniqueId);
                        isSet = !isFolder;
                    }

                    if (isSet)
                    {
                        sets.Add(ToSubmissionSet(p));
                    }
                    else
                    {
                        folders.Add(ToFolder(p));
                    }
                }

                return new XdsMetadata
                {
                    SubmissionSets = sets,
                    DocumentEntries = entries,
                    Folders = folders,
                    Associations = associations,
                    ObjectRefs = refs,
                    ExtraClassifications = extraClassifications,
                };
            }

            private static string Required(Raw raw, string attribute)
            {
                string? value = raw.Attr(attribute);
                return string.IsNullOrEmpty(value)
                    ? throw new XdsFormatException($"{raw.LocalName}/@{attribute} (line {raw.Line})", XdsRules.MissingAttribute, $"{raw.LocalName} requires the attribute {attribute}.", null, false)
                    : value!;
            }

            private static string? Single(Slot slot) => slot.Values.Count == 1 && slot.SlotType is null ? slot.Values[0] : null;

            public static Classification ToClassification(Raw c, bool keepId) => new()
            {
                Id = keepId ? c.Attr("id") : null,
                Scheme = c.Attr("classificationScheme"),
                Node = c.Attr("classificationNode"),
                NodeRepresentation = c.Attr("nodeRepresentation"),
                Name = c.Name,
                Slots = c.Slots,
            };

            private static ExternalIdentifier ToExternalIdentifier(Raw e) =>
                new(Required(e, "identificationScheme"), e.Attr("value") ?? throw new XdsFormatException($"ExternalIdentifier/@value (line {e.Line})", XdsRules.MissingAttribute, "ExternalIdentifier requires the attribute value.", null, false))
                {
                    Id = e.Attr("id"),
                    Name = e.Name,
                };

            private static void CheckClassification(Raw c)
            {
                if (c.Attr("classificationScheme") is null && c.Attr("classificationNode") is null)
                {
                    throw new XdsFormatException($"Classification (line {c.Line})", XdsRules.MissingAttribute, "A Classification requires classificationScheme or classificationNode.", null, false);
                }
            }

            /// <summary>A coded value from a classification, or null when it does not have the plain coded shape.</summary>
            private static Identity.CodedValue? ToCoded(Raw c)
            {
                string? code = c.Attr("nodeRepresentation");
                if (string.IsNullOrEmpty(code) || c.Attr("classificationNode") is not null)
                {
                    return null;
                }

                if (c.Slots.Count == 0)
                {
                    return new Identity.CodedValue(code!, string.Empty, c.Name);
                }

                if (c.Slots.Count == 1 && c.Slots[0].Name == "codingScheme" && Single(c.Slots[0]) is { } system)
                {
                    return new Identity.CodedValue(code!, system, c.Name);
                }

                return null;
            }

            private static Author ToAuthor(Raw c)
            {
                string? person = null;
                var institutions = EquatableList<string>.Empty;
                var roles = EquatableList<string>.Empty;
                var specialties = EquatableList<string>.Empty;
                var telecom = EquatableList<string>.Empty;
                var extra = new List<Slot>();
                foreach (Slot s in c.Slots)
                {
                    if (s.SlotType is not null)
                    {
                        extra.Add(s);
                        continue;
                    }

                    switch (s.Name)
                    {
                        case "authorPerson" when person is null && s.Values.Count == 1:
                            person = s.Values[0];
                            break;
                        case "authorInstitution" when institutions.Count == 0:
                            institutions = s.Values;
                            break;
                        case "authorRole" when roles.Count == 0:
                            roles = s.Values;
                            break;
                        case "authorSpecialty" when specialties.Count == 0:
                            specialties = s.Values;
                            break;
                        case "authorTelecommunication" when telecom.Count == 0:
                            telecom = s.Values;
                            break;
                        default:
                            extra.Add(s);
                            break;
                    }
                }

                return new Author { Person = person, Institutions = institutions, Roles = roles, Specialties = specialties, Telecommunications = telecom, ExtraSlots = extra };
            }

            private static bool IsPlainAuthor(Raw c) => string.IsNullOrEmpty(c.Attr("nodeRepresentation")) && c.Name is null && c.Attr("classificationNode") is null;

            public static DocumentEntry ToDocumentEntry(Raw e)
            {
                string id = Required(e, "id");
                var extraSlots = new List<Slot>();
                var values = new string?[DocumentSingleSlots.Length];
                var info = EquatableList<string>.Empty;
                var referenceIds = EquatableList<string>.Empty;
                foreach (Slot s in e.Slots)
                {
                    int slot = Array.IndexOf(DocumentSingleSlots, s.Name);
                    if (slot >= 0 && values[slot] is null && Single(s) is { } v
                        && (s.Name != "size" || long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                    {
                        values[slot] = v;
                    }
                    else if (s.Name == "sourcePatientInfo" && info.Count == 0 && s.SlotType is null && s.Values.Count > 0)
                    {
                        info = s.Values;
                    }
                    else if (s.Name == "urn:ihe:iti:xds:2013:referenceIdList" && referenceIds.Count == 0 && s.SlotType is null && s.Values.Count > 0)
                    {
                        referenceIds = s.Values;
                    }
                    else
                    {
                        extraSlots.Add(s);
                    }
                }

                Identity.CodedValue? classCode = null, typeCode = null, formatCode = null, facility = null, practice = null;
                var confidentiality = new List<Identity.CodedValue>();
                var events = new List<Identity.CodedValue>();
                var authors = new List<Author>();
                var extraClassifications = new List<Classification>();
                foreach (Raw c in e.Classifications)
                {
                    CheckClassification(c);
                    string? scheme = c.Attr("classificationScheme");
                    Identity.CodedValue? coded = ToCoded(c);
                    bool taken = true;
                    switch (scheme)
                    {
                        case XdsUuids.DocumentEntryAuthor when IsPlainAuthor(c):
                            authors.Add(ToAuthor(c));
                            break;
                        case XdsUuids.DocumentEntryClassCode when coded is not null && classCode is null:
                            classCode = coded;
                            break;
                        case XdsUuids.DocumentEntryTypeCode when coded is not null && typeCode is null:
                            typeCode = coded;
                            break;
                        case XdsUuids.DocumentEntryFormatCode when coded is not null && formatCode is null:
                            formatCode = coded;
                            break;
                        case XdsUuids.DocumentEntryHealthcareFacilityTypeCode when coded is not null && facility is null:
                            facility = coded;
                            break;
                        case XdsUuids.DocumentEntryPracticeSettingCode when coded is not null && practice is null:
                            practice = coded;
                            break;
                        case XdsUuids.DocumentEntryConfidentialityCode when coded is not null:
                            confidentiality.Add(coded);
                            break;
                        case XdsUuids.DocumentEntryEventCode when coded is not null:
                            events.Add(coded);
                            break;
                        default:
                            taken = false;
                            break;
                    }

                    if (!taken)
                    {
                        extraClassifications.Add(ToClassification(c, keepId: true));
                    }
                }

                string? patientId = null, uniqueId = null;
                var extraIds = new List<ExternalIdentifier>();
                foreach (Raw x in e.ExternalIdentifiers)
                {
                    ExternalIdentifier ei = ToExternalIdentifier(x);
                    if (ei.Scheme == XdsUuids.DocumentEntryPatientId && patientId is null)
                    {
                        patientId = ei.Value;
                    }
                    else if (ei.Scheme == XdsUuids.DocumentEntryUniqueId && uniqueId is null)
                    {
                        uniqueId = ei.Value;
                    }
                    else
                    {
                        extraIds.Add(ei);
                    }
                }

                string? opaque = e.Attr("isOpaque");
                return new DocumentEntry
                {
                    Id = id,
                    LogicalId = e.Attr("lid"),
                    Version = e.VersionName,
                    AvailabilityStatus = e.Attr("status"),
                    Home = e.Attr("home"),
                    ObjectType = e.Attr("objectType") ?? XdsUuids.StableDocumentEntry,
                    MimeType = e.Attr("mimeType"),
                    IsOpaque = opaque is null ? null : string.Equals(opaque, "true", StringComparison.Ordinal) || opaque == "1",
                    Title = e.Name,
                    Comments = e.Description,
                    UniqueId = uniqueId,
                    PatientId = patientId,
                    SourcePatientId = Get(values, DocumentSingleSlots, "sourcePatientId"),
                    SourcePatientInfo = info,
                    ClassCode = classCode,
                    TypeCode = typeCode,
                    FormatCode = formatCode,
                    HealthcareFacilityTypeCode = facility,
                    PracticeSettingCode = practice,
                    ConfidentialityCodes = confidentiality,
                    EventCodes = events,
                    Authors = authors,
                    LegalAuthenticator = Get(values, DocumentSingleSlots, "legalAuthenticator"),
                    CreationTime = Get(values, DocumentSingleSlots, "creationTime"),
                    ServiceStartTime = Get(values, DocumentSingleSlots, "serviceStartTime"),
                    ServiceStopTime = Get(values, DocumentSingleSlots, "serviceStopTime"),
                    LanguageCode = Get(values, DocumentSingleSlots, "languageCode"),
                    Hash = Get(values, DocumentSingleSlots, "hash"),
                    Size = Get(values, DocumentSingleSlots, "size") is { } size ? long.Parse(size, NumberStyles.None, CultureInfo.InvariantCulture) : null,
                    RepositoryUniqueId = Get(values, DocumentSingleSlots, "repositoryUniqueId"),
                    ReferenceIds = referenceIds,
                    ExtraSlots = extraSlots,
                    ExtraClassifications = extraClassifications,
                    ExtraExternalIdentifiers = extraIds,
                };
            }

            private static string? Get(string?[] values, string[] names, string name) => values[Array.IndexOf(names, name)];

            private static string? Get(Dictionary<string, string> values, string name) => values.TryGetValue(name, out string? v) ? v : null;

            public static SubmissionSet ToSubmissionSet(Raw p)
            {
                string? submissionTime = null;
                var recipients = EquatableList<string>.Empty;
                var extraSlots = new List<Slot>();
                foreach (Slot s in p.Slots)
                {
                    if (s.Name == "submissionTime" && submissionTime is null && Single(s) is { } v)
                    {
                        submissionTime = v;
                    }
                    else if (s.Name == "intendedRecipient" && recipients.Count == 0 && s.SlotType is null && s.Values.Count > 0)
                    {
                        recipients = s.Values;
                    }
                    else
                    {
                        extraSlots.Add(s);
                    }
                }

                Identity.CodedValue? contentType = null;
                var authors = new List<Author>();
                var extraClassifications = new List<Classification>();
                foreach (Raw c in p.Classifications)
                {
                    CheckClassification(c);
                    string? scheme = c.Attr("classificationScheme");
                    if (c.Attr("classificationNode") == XdsUuids.SubmissionSetNode && c.Slots.Count == 0)
                    {
                        continue;
                    }

                    if (scheme == XdsUuids.SubmissionSetAuthor && IsPlainAuthor(c))
                    {
                        authors.Add(ToAuthor(c));
                    }
                    else if (scheme == XdsUuids.SubmissionSetContentTypeCode && contentType is null && ToCoded(c) is { } coded)
                    {
                        contentType = coded;
                    }
                    else
                    {
                        extraClassifications.Add(ToClassification(c, keepId: true));
                    }
                }

                string? patientId = null, sourceId = null, uniqueId = null;
                var extraIds = new List<ExternalIdentifier>();
                foreach (Raw x in p.ExternalIdentifiers)
                {
                    ExternalIdentifier ei = ToExternalIdentifier(x);
                    if (ei.Scheme == XdsUuids.SubmissionSetPatientId && patientId is null)
                    {
                        patientId = ei.Value;
                    }
                    else if (ei.Scheme == XdsUuids.SubmissionSetSourceId && sourceId is null)
                    {
                        sourceId = ei.Value;
                    }
                    else if (ei.Scheme == XdsUuids.SubmissionSetUniqueId && uniqueId is null)
                    {
                        uniqueId = ei.Value;
                    }
                    else
                    {
                        extraIds.Add(ei);
                    }
                }

                return new SubmissionSet
                {
                    Id = Required(p, "id"),
                    LogicalId = p.Attr("lid"),
                    Version = p.VersionName,
                    AvailabilityStatus = p.Attr("status"),
                    Home = p.Attr("home"),
                    Title = p.Name,
                    Comments = p.Description,
                    UniqueId = uniqueId,
                    SourceId = sourceId,
                    PatientId = patientId,
                    SubmissionTime = submissionTime,
                    ContentTypeCode = contentType,
                    Authors = authors,
                    IntendedRecipients = recipients,
                    ExtraSlots = extraSlots,
                    ExtraClassifications = extraClassifications,
                    ExtraExternalIdentifiers = extraIds,
                };
            }

            public static Folder ToFolder(Raw p)
            {
                string? lastUpdate = null;
                var extraSlots = new List<Slot>();
                foreach (Slot s in p.Slots)
                {
                    if (s.Name == "lastUpdateTime" && lastUpdate is null && Single(s) is { } v)
                    {
                        lastUpdate = v;
                    }
                    else
                    {
                        extraSlots.Add(s);
                    }
                }

                var codes = new List<Identity.CodedValue>();
                var extraClassifications = new List<Classification>();
                foreach (Raw c in p.Classifications)
                {
                    CheckClassification(c);
                    if (c.Attr("classificationNode") == XdsUuids.FolderNode && c.Slots.Count == 0)
                    {
                        continue;
                    }

                    if (c.Attr("classificationScheme") == XdsUuids.FolderCodeList && ToCoded(c) is { } coded)
                    {
                        codes.Add(coded);
                    }
                    else
                    {
                        extraClassifications.Add(ToClassification(c, keepId: true));
                    }
                }

                string? patientId = null, uniqueId = null;
                var extraIds = new List<ExternalIdentifier>();
                foreach (Raw x in p.ExternalIdentifiers)
                {
                    ExternalIdentifier ei = ToExternalIdentifier(x);
                    if (ei.Scheme == XdsUuids.FolderPatientId && patientId is null)
                    {
                        patientId = ei.Value;
                    }
                    else if (ei.Scheme == XdsUuids.FolderUniqueId && uniqueId is null)
                    {
                        uniqueId = ei.Value;
                    }
                    else
                    {
                        extraIds.Add(ei);
                    }
                }

                return new Folder
                {
                    Id = Required(p, "id"),
                    LogicalId = p.Attr("lid"),
                    Version = p.VersionName,
                    AvailabilityStatus = p.Attr("status"),
                    Home = p.Attr("home"),
                    Title = p.Name,
                    Comments = p.Description,
                    UniqueId = uniqueId,
                    PatientId = patientId,
                    LastUpdateTime = lastUpdate,
                    Codes = codes,
                    ExtraSlots = extraSlots,
                    ExtraClassifications = extraClassifications,
                    ExtraExternalIdentifiers = extraIds,
                };
            }

            public static Association ToAssociation(Raw a)
            {
                var known = new Dictionary<string, string>(StringComparer.Ordinal);
                var extraSlots = new List<Slot>();
                foreach (Slot s in a.Slots)
                {
                    if (s.Name is "SubmissionSetStatus" or "PreviousVersion" or "OriginalStatus" or "NewStatus" && !known.ContainsKey(s.Name) && Single(s) is { } v)
                    {
                        known[s.Name] = v;
                    }
                    else
                    {
                        extraSlots.Add(s);
                    }
                }

                var extraClassifications = new List<Classification>();
                foreach (Raw c in a.Classifications)
                {
                    CheckClassification(c);
                    extraClassifications.Add(ToClassification(c, keepId: true));
                }

                var extraIds = new List<ExternalIdentifier>();
                foreach (Raw x in a.ExternalIdentifiers)
                {
                    extraIds.Add(ToExternalIdentifier(x));
                }

                return new Association
                {
                    Id = Required(a, "id"),
                    LogicalId = a.Attr("lid"),
                    Version = a.VersionName,
                    AvailabilityStatus = a.Attr("status"),
                    Home = a.Attr("home"),
                    Type = Required(a, "associationType"),
                    SourceObject = Required(a, "sourceObject"),
                    TargetObject = Required(a, "targetObject"),
                    ObjectType = a.Attr("objectType"),
                    SubmissionSetStatus = Get(known, "SubmissionSetStatus"),
                    PreviousVersion = Get(known, "PreviousVersion"),
                    OriginalStatus = Get(known, "OriginalStatus"),
                    NewStatus = Get(known, "NewStatus"),
                    ExtraSlots = extraSlots,
                    ExtraClassifications = extraClassifications,
                    ExtraExternalIdentifiers = extraIds,
                };
            }
        }
    }
}
