using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Cli.Json;
using DmpConnector.Identity;
using DmpConnector.Xds;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp xds …</c>: XDS.b messages (ITI-18, ITI-41, ITI-43, ITI-57 and their responses).</summary>
    internal static class XdsCommands
    {
        public static Command Create(CliConsole console)
        {
            var xds = new Command("xds", "Work with XDS.b metadata messages (ITI-18 queries, ITI-41 submissions, ITI-43 retrieves, ITI-57 updates).");
            xds.Add(CreateInspect(console));
            xds.Add(CreateValidate(console));
            return xds;
        }

        private static Argument<string> FileArgument() => new("file")
        {
            Description = "The message: XML (bare, or in a SOAP 1.1/1.2 envelope), or an MTOM message (a raw body starting with its boundary line, or a capture starting with HTTP headers).",
        };

        private static Option<string?> ContentTypeOption() => new("--content-type")
        {
            Description = "The HTTP Content-Type (multipart/related; boundary=…) when the file holds only an MTOM body without its boundary line first.",
        };

        private static Command CreateInspect(CliConsole console)
        {
            Argument<string> file = FileArgument();
            Option<string?> contentType = ContentTypeOption();
            var json = new Option<bool>("--json") { Description = "Print the message as JSON on stdout (field names in docs/cli.md)." };
            var inspect = new Command("inspect", "Show an XDS message: its kind, status, document entries, submission sets, folders, associations, errors, query and documents. Exit 0 when readable, 1 otherwise.")
            {
                file,
                contentType,
                json,
            };
            inspect.SetAction(async (parse, cancellationToken) =>
            {
                (IXdsMessage? message, int code) = await ReadAsync(console, parse.GetValue(file)!, parse.GetValue(contentType), null, cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    return code;
                }

                if (parse.GetValue(json))
                {
                    console.WriteJson(w => XdsJson.WriteMessage(w, message));
                }
                else
                {
                    WriteText(console.Output, message);
                }

                return ExitCodes.Ok;
            });
            return inspect;
        }

        private static Command CreateValidate(CliConsole console)
        {
            Argument<string> file = FileArgument();
            Option<string?> contentType = ContentTypeOption();
            var profile = new Option<string>("--profile")
            {
                Description = "The rules: dmp (XDS.b plus the DMP's required attributes, value sets, INS and signature document) or xds (IHE XDS.b only).",
                DefaultValueFactory = _ => "dmp",
            };
            profile.AcceptOnlyFromAmong("dmp", "xds");
            var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout: {valid, profile, kind, errors, warnings, issues:[{severity, rule, object, attribute, message, value, valueRedacted}]}." };
            var validate = new Command("validate", "Check an XDS message against a validation profile before sending it. Exit 0 when it has no error (warnings allowed), 1 with the list of issues.")
            {
                file,
                contentType,
                profile,
                json,
            };
            validate.SetAction(async (parse, cancellationToken) =>
            {
                var digests = new Dictionary<string, XdsDocumentDigest>(StringComparer.Ordinal);
                (IXdsMessage? message, int code) = await ReadAsync(console, parse.GetValue(file)!, parse.GetValue(contentType), digests, cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    return code;
                }

                XdsValidationProfile chosen = parse.GetValue(profile) == "xds" ? XdsValidationProfile.Xds : XdsValidationProfile.Dmp;
                var issues = XdsValidator.Validate(message, chosen, new XdsValidationOptions { DocumentDigests = digests });
                int errors = issues.Count(i => i.Severity == XdsIssueSeverity.Error);
                if (parse.GetValue(json))
                {
                    console.WriteJson(w =>
                    {
                        w.WriteStartObject();
                        w.WriteBoolean("valid", errors == 0);
                        w.WriteString("profile", chosen == XdsValidationProfile.Dmp ? "dmp" : "xds");
                        w.WriteString("kind", message.Kind.ToString());
                        w.WriteNumber("errors", errors);
                        w.WriteNumber("warnings", issues.Count - errors);
                        w.WriteStartArray("issues");
                        foreach (XdsValidationIssue issue in issues)
                        {
                            XdsJson.WriteValidationIssue(w, issue);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    });
                }
                else
                {
                    foreach (XdsValidationIssue issue in issues)
                    {
                        await console.Output.WriteLineAsync(issue.ToString()).ConfigureAwait(false);
                    }

                    await console.Output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0}: {1} error(s), {2} warning(s) ({3} profile).", message.Kind, errors, issues.Count - errors, chosen == XdsValidationProfile.Dmp ? "DMP" : "XDS.b")).ConfigureAwait(false);
                }

                if (errors > 0)
                {
                    await console.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "dmp: the message breaks {0} rule(s) of the {1} profile ({2}).", errors, chosen == XdsValidationProfile.Dmp ? "DMP" : "XDS.b", XdsRules.Validation)).ConfigureAwait(false);
                    return ExitCodes.Invalid;
                }

                return ExitCodes.Ok;
            });
            return validate;
        }

        /// <summary>
        /// Reads the message of a file, or reports why it cannot be read (exit code 1). When <paramref name="digests"/> is
        /// given and the file is an MTOM ITI-41 request, the SHA-1 and size of each entry's attachment are added to it (by
        /// entry id), so validation can compare them with the entries' hash and size.
        /// </summary>
        internal static async Task<(IXdsMessage? Message, int Code)> ReadAsync(CliConsole console, string path, string? contentType, Dictionary<string, XdsDocumentDigest>? digests, CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync("dmp: file not found: " + path).ConfigureAwait(false);
                return (null, ExitCodes.Invalid);
            }

            try
            {
                using MessageFiles.OpenedXml opened = await MessageFiles.OpenXmlAsync(path, contentType, cancellationToken).ConfigureAwait(false);
                IXdsMessage message = XdsReader.Read(opened.Xml);
                if (digests is not null && opened.Mtom is { } mtom && message is ProvideAndRegisterDocumentSetRequest pnr)
                {
                    foreach (DocumentEntry entry in pnr.Metadata.DocumentEntries)
                    {
                        if (pnr.FindAttachment(entry) is { ContentId: { } cid } && mtom.FindPart(cid) is { } part)
                        {
                            using Stream content = part.OpenRead();
                            digests[entry.Id] = XdsDocumentDigest.Compute(content);
                        }
                    }
                }

                return (message, ExitCodes.Ok);
            }
            catch (DmpInputException ex)
            {
                await console.Error.WriteLineAsync($"dmp: unreadable XDS message: {ex.Rule}: {ex.Explanation} ({ex.Field})").ConfigureAwait(false);
                return (null, ExitCodes.Invalid);
            }
            catch (XmlException ex)
            {
                await console.Error.WriteLineAsync("dmp: the message is not well-formed XML: " + ex.Message).ConfigureAwait(false);
                return (null, ExitCodes.Invalid);
            }
        }

        private static string Code(CodedValue? c) => c is null ? "-" : c.DisplayName is null ? $"{c.Code} ({c.CodeSystem})" : $"{c.Code} ({c.CodeSystem}) {c.DisplayName}";

        private static void WriteText(TextWriter o, IXdsMessage message)
        {
            o.WriteLine($"XDS message: {message.Kind}");
            XdsMetadata metadata = message switch
            {
                ProvideAndRegisterDocumentSetRequest m => m.Metadata,
                SubmitObjectsRequest m => m.Metadata,
                AdhocQueryResponse m => m.Metadata,
                _ => XdsMetadata.Empty,
            };
            switch (message)
            {
                case AdhocQueryRequest q:
                    o.WriteLine($"  query       {XdsJson.QueryName(q.QueryId) ?? "?"} {q.QueryId}, returnType {q.ReturnType}");
                    foreach (QueryParameter p in q.Parameters)
                    {
                        o.WriteLine($"  parameter   {p.Name} = {string.Join(" AND ", p.Values)}");
                    }

                    break;
                case AdhocQueryResponse r:
                    o.WriteLine($"  status      {r.Status}");
                    WriteErrors(o, r.Errors);
                    break;
                case RegistryResponse r:
                    o.WriteLine($"  status      {r.Status}");
                    WriteErrors(o, r.Errors);
                    break;
                case RetrieveDocumentSetRequest r:
                    foreach (DocumentRequest d in r.Documents)
                    {
                        o.WriteLine($"  document    {d.DocumentUniqueId} in repository {d.RepositoryUniqueId}");
                    }

                    break;
                case RetrieveDocumentSetResponse r:
                    o.WriteLine($"  status      {r.Response.Status}");
                    WriteErrors(o, r.Response.Errors);
                    foreach (DocumentResponse d in r.Documents)
                    {
                        string where = d.Document.IsInline ? $"inline, {d.Document.InlineLength} bytes" : $"attachment <{d.Document.ContentId}>";
                        o.WriteLine($"  document    {d.DocumentUniqueId} {d.MimeType} ({where})");
                    }

                    break;
                case ProvideAndRegisterDocumentSetRequest p:
                    foreach (DocumentAttachment d in p.Documents)
                    {
                        o.WriteLine($"  document    {d.DocumentId} {(d.IsInline ? $"inline, {d.InlineLength} bytes" : $"attachment <{d.ContentId}>")}");
                    }

                    break;
            }

            foreach (SubmissionSet s in metadata.SubmissionSets)
            {
                o.WriteLine($"  submission  {s.Id} uniqueId {s.UniqueId}, source {s.SourceId}, submitted {s.SubmissionTime}, content type {Code(s.ContentTypeCode)}");
            }

            foreach (DocumentEntry e in metadata.DocumentEntries)
            {
                o.WriteLine($"  entry       {e.Id} \"{e.Title}\" uniqueId {e.UniqueId}, {e.MimeType}, created {e.CreationTime}, status {e.AvailabilityStatus ?? "-"}");
                o.WriteLine($"              class {Code(e.ClassCode)}, type {Code(e.TypeCode)}, format {Code(e.FormatCode)}");
                o.WriteLine($"              confidentiality {string.Join(", ", e.ConfidentialityCodes.Select(c => c.Code))}; {e.Authors.Count} author(s)");
                if (e.Hash is not null || e.Size is not null)
                {
                    o.WriteLine(string.Format(CultureInfo.InvariantCulture, "              hash {0}, size {1}, repository {2}", e.Hash, e.Size, e.RepositoryUniqueId));
                }
            }

            foreach (Folder f in metadata.Folders)
            {
                o.WriteLine($"  folder      {f.Id} \"{f.Title}\" uniqueId {f.UniqueId}");
            }

            foreach (Association a in metadata.Associations)
            {
                string type = a.Type.Substring(a.Type.LastIndexOf(':') + 1);
                o.WriteLine($"  association {type} {a.SourceObject} -> {a.TargetObject}{(a.NewStatus is null ? string.Empty : $" ({a.OriginalStatus} -> {a.NewStatus})")}");
            }

            foreach (string id in metadata.ObjectRefs)
            {
                o.WriteLine($"  objectRef   {id}");
            }
        }

        private static void WriteErrors(TextWriter o, System.Collections.Generic.IEnumerable<RegistryError> errors)
        {
            foreach (RegistryError e in errors)
            {
                o.WriteLine($"  {(e.IsWarning ? "warning" : "error  ")}     {e.ErrorCode}: {e.CodeContext} {(e.Location is null ? string.Empty : "at " + e.Location)}");
            }
        }
    }
}
