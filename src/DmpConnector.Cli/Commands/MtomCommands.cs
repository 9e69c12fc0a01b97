using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Soap;

namespace DmpConnector.Cli.Commands
{
    /// <summary><c>dmp mtom …</c>: MTOM/XOP (multipart/related) messages.</summary>
    internal static class MtomCommands
    {
        public static Command Create(CliConsole console)
        {
            var mtom = new Command("mtom", "Work with MTOM/XOP (multipart/related) SOAP messages, as the DMP's ITI-41 and ITI-43 use.");
            mtom.Add(CreateInspect(console));
            return mtom;
        }

        private static Command CreateInspect(CliConsole console)
        {
            var file = new Argument<string>("file")
            {
                Description = "The message: a raw body (starting with the --boundary line, like the official TD2.1 example), or a capture starting with HTTP headers.",
            };
            var contentType = new Option<string?>("--content-type")
            {
                Description = "The HTTP Content-Type of the message (multipart/related; boundary=…), when the file holds only the body.",
            };
            var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
            var inspect = new Command("inspect", "Show an MTOM message's SOAP version, action, parts (content id, type, size, SHA-1), xop:Include references and whether they resolve, and any SOAP fault. Exit 0 when readable and every include resolves, 1 otherwise.")
            {
                file,
                contentType,
                json,
            };
            inspect.SetAction((parse, cancellationToken) => RunAsync(console, parse.GetValue(file)!, parse.GetValue(contentType), parse.GetValue(json), cancellationToken));
            return inspect;
        }

        private static async Task<int> RunAsync(CliConsole console, string path, string? contentType, bool json, CancellationToken cancellationToken)
        {
            if (!File.Exists(path))
            {
                await console.Error.WriteLineAsync("dmp: file not found: " + path).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            Report report;
            try
            {
                using FileStream stream = File.OpenRead(path);
                using MtomMessage message = await MessageFiles.ReadMtomAsync(stream, contentType, cancellationToken).ConfigureAwait(false);
                report = Inspect(message);
            }
            catch (DmpInputException ex)
            {
                await console.Error.WriteLineAsync("dmp: unreadable MTOM message: " + ex.Rule + ": " + ex.Explanation + ".").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (XmlException ex)
            {
                await console.Error.WriteLineAsync("dmp: the root part is not well-formed XML: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (json)
            {
                console.WriteJson(w => WriteJson(w, report));
            }
            else
            {
                WriteText(console, report);
            }

            int unresolved = report.Includes.Count(i => !i.Resolved);
            if (unresolved > 0)
            {
                await console.Error.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "dmp: {0} xop:Include reference(s) point to no part (MTOM-CID-UNRESOLVED).", unresolved)).ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            return ExitCodes.Ok;
        }

        private static Report Inspect(MtomMessage message)
        {
            var report = new Report { RootContentId = message.Root.ContentId, Action = message.Action };
            foreach (MtomPart part in message.Parts)
            {
                using Stream s = part.OpenRead();
#pragma warning disable CA5350 // SHA-1 here is the XDS document hash, shown to compare with metadata; not a security use.
                using var sha1 = SHA1.Create();
                string hash = Convert.ToHexString(sha1.ComputeHash(s)).ToLowerInvariant();
#pragma warning restore CA5350
                report.Parts.Add(new PartInfo(part.ContentId, part.ContentType, part.Length, hash));
            }

            foreach (XopInclude include in message.GetXopIncludes())
            {
                report.Includes.Add(new IncludeInfo(include.Href, include.ContentId, include.Part is not null));
            }

            try
            {
                using SoapEnvelope envelope = message.ReadEnvelope();
                report.SoapVersion = envelope.Version;
                report.Action = envelope.Action ?? report.Action;
            }
            catch (SoapFaultException fault)
            {
                report.SoapVersion = fault.Version;
                report.Action = fault.Action ?? report.Action;
                report.Fault = fault;
            }
            catch (SoapFormatException ex)
            {
                report.EnvelopeProblem = ex.Rule + ": " + ex.Explanation;
            }

            return report;
        }

        private static string? VersionText(SoapVersion? v) => v switch
        {
            SoapVersion.Soap11 => "1.1",
            SoapVersion.Soap12 => "1.2",
            _ => null,
        };

        private static void WriteJson(Utf8JsonWriter w, Report r)
        {
            w.WriteStartObject();
            w.WriteString("soapVersion", VersionText(r.SoapVersion));
            w.WriteString("action", r.Action);
            w.WriteString("rootContentId", r.RootContentId);
            w.WriteStartArray("parts");
            foreach (PartInfo p in r.Parts)
            {
                w.WriteStartObject();
                w.WriteString("contentId", p.ContentId);
                w.WriteString("contentType", p.ContentType);
                w.WriteNumber("size", p.Size);
                w.WriteString("sha1", p.Sha1);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("xopIncludes");
            foreach (IncludeInfo i in r.Includes)
            {
                w.WriteStartObject();
                w.WriteString("href", i.Href);
                w.WriteBoolean("resolved", i.Resolved);
                w.WriteString("contentId", i.ContentId);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (r.Fault is { } f)
            {
                w.WriteStartObject("fault");
                w.WriteString("code", f.Code.Name);
                w.WriteString("codeNamespace", f.Code.Namespace);
                w.WriteStartArray("subcodes");
                foreach (XmlQualifiedName s in f.Subcodes)
                {
                    w.WriteStringValue(s.Name);
                }

                w.WriteEndArray();
                w.WriteString("reason", f.Reason);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("fault");
            }

            if (r.EnvelopeProblem is not null)
            {
                w.WriteString("envelopeProblem", r.EnvelopeProblem);
            }

            w.WriteEndObject();
        }

        private static void WriteText(CliConsole console, Report r)
        {
            TextWriter o = console.Output;
            o.WriteLine($"MTOM message: {r.Parts.Count} part(s), SOAP {VersionText(r.SoapVersion) ?? "?"}, action {r.Action ?? "(none)"}");
            o.WriteLine($"  root part   <{r.RootContentId}>");
            foreach (PartInfo p in r.Parts)
            {
                o.WriteLine($"  part        <{p.ContentId}> {p.ContentType}, {p.Size} bytes, sha1 {p.Sha1}");
            }

            foreach (IncludeInfo i in r.Includes)
            {
                o.WriteLine($"  xop:Include {i.Href} -> {(i.Resolved ? "resolved" : "NOT FOUND")} ({i.ContentId})");
            }

            if (r.Fault is { } f)
            {
                o.WriteLine($"  SOAP fault  {string.Join(" / ", new[] { f.Code.Name }.Concat(f.Subcodes.Select(s => s.Name)))}: {f.Reason}");
            }

            if (r.EnvelopeProblem is not null)
            {
                o.WriteLine($"  root part is not a usable SOAP envelope: {r.EnvelopeProblem}");
            }
        }

        private sealed class Report
        {
            public SoapVersion? SoapVersion { get; set; }

            public string? Action { get; set; }

            public string? RootContentId { get; set; }

            public List<PartInfo> Parts { get; } = new();

            public List<IncludeInfo> Includes { get; } = new();

            public SoapFaultException? Fault { get; set; }

            public string? EnvelopeProblem { get; set; }
        }

        private sealed record PartInfo(string? ContentId, string ContentType, long Size, string Sha1);

        private sealed record IncludeInfo(string Href, string ContentId, bool Resolved);
    }
}
