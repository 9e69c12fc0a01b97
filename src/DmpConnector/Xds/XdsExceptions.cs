using System;
using System.Collections.Generic;
using System.Linq;
using DmpConnector.Diagnostics;

namespace DmpConnector.Xds
{
    /// <summary>The stable rule ids of the XDS layer (see docs/errors.md).</summary>
    public static class XdsRules
    {
        /// <summary>The input is not well-formed XML (truncated, bad characters).</summary>
        public const string XmlMalformed = "XDS-XML-MALFORMED";

        /// <summary>The input carries a DTD or entity declarations (refused: entity expansion, external entities).</summary>
        public const string XmlDtd = "XDS-XML-DTD";

        /// <summary>Elements nested deeper than the reader allows.</summary>
        public const string XmlDepth = "XDS-XML-DEPTH";

        /// <summary>An attribute or text value longer than the reader allows.</summary>
        public const string ValueTooLong = "XDS-VALUE-TOO-LONG";

        /// <summary>The root (or SOAP Body content) is not an XDS message this SDK reads, or is in the wrong namespace.</summary>
        public const string UnknownMessage = "XDS-UNKNOWN-MESSAGE";

        /// <summary>The SOAP body holds a fault, not an XDS message (the transport reads it as a SoapFaultException).</summary>
        public const string SoapFault = "XDS-SOAP-FAULT";

        /// <summary>The input is an MTOM/multipart body; extract its root part first.</summary>
        public const string MtomNotSupported = "XDS-MTOM-NOT-SUPPORTED";

        /// <summary>A required attribute or element is missing.</summary>
        public const string MissingAttribute = "XDS-MISSING-ATTRIBUTE";

        /// <summary>A value has the wrong type (e.g. a non-numeric size or index).</summary>
        public const string InvalidValue = "XDS-INVALID-VALUE";

        /// <summary>A value is not an OID.</summary>
        public const string OidFormat = "XDS-OID-FORMAT";

        /// <summary>The writer was given an object lacking what the schema requires.</summary>
        public const string WriteRequired = "XDS-WRITE-REQUIRED";

        /// <summary>Inline document content cannot be written: no content given.</summary>
        public const string WriteContent = "XDS-WRITE-CONTENT";

        /// <summary>A stored query parameter is invalid (empty, or a value that cannot be quoted).</summary>
        public const string QueryParameter = "XDS-QUERY-PARAMETER";

        /// <summary>Metadata failed a validation profile (the exception lists the issues).</summary>
        public const string Validation = "XDS-VALIDATION";
    }

    /// <summary>An XDS message or value is malformed, or cannot be written as given.</summary>
    public class XdsFormatException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">Where: an element path or attribute name.</param>
        /// <param name="rule">The rule id (<see cref="XdsRules"/>).</param>
        /// <param name="explanation">What is required, in plain English.</param>
        /// <param name="value">The offending value, or null.</param>
        /// <param name="valueIsSensitive">True when the value may be patient data.</param>
        /// <param name="innerException">The underlying failure.</param>
        public XdsFormatException(string field, string rule, string explanation, string? value, bool valueIsSensitive, Exception? innerException = null)
            : base(field, rule, explanation, value, valueIsSensitive, innerException)
        {
        }
    }

    /// <summary>How serious a validation issue is.</summary>
    public enum XdsIssueSeverity
    {
        /// <summary>The message would be refused or wrong: it is not sent.</summary>
        Error,

        /// <summary>Allowed, but probably a mistake (e.g. a code not in the value set known to this release).</summary>
        Warning,
    }

    /// <summary>One problem found by a validation profile.</summary>
    public sealed record XdsValidationIssue
    {
        /// <summary>Creates an issue.</summary>
        /// <param name="objectId">The id of the object (entryUUID or symbolic id), or the message part.</param>
        /// <param name="attribute">The attribute, e.g. <c>classCode</c>.</param>
        /// <param name="rule">The rule id, e.g. <c>XDS-REQUIRED</c>.</param>
        /// <param name="message">What is wrong, in plain English.</param>
        /// <param name="value">The offending value (kept only when not patient data, or opted in).</param>
        /// <param name="valueIsSensitive">True when the value is patient data.</param>
        /// <param name="severity">The severity.</param>
        public XdsValidationIssue(string objectId, string attribute, string rule, string message, string? value = null, bool valueIsSensitive = false, XdsIssueSeverity severity = XdsIssueSeverity.Error)
        {
            ObjectId = objectId;
            Attribute = attribute;
            Rule = rule;
            Message = message;
            Severity = severity;
            IsValueRedacted = value is not null && valueIsSensitive && !DmpSensitiveData.IsIncluded;
            Value = IsValueRedacted ? null : value;
        }

        /// <summary>The object's id.</summary>
        public string ObjectId { get; init; }

        /// <summary>The attribute.</summary>
        public string Attribute { get; init; }

        /// <summary>The rule id.</summary>
        public string Rule { get; init; }

        /// <summary>The explanation.</summary>
        public string Message { get; init; }

        /// <summary>The offending value, or null (absent or redacted).</summary>
        public string? Value { get; init; }

        /// <summary>True when the value was patient data and was left out.</summary>
        public bool IsValueRedacted { get; init; }

        /// <summary>The severity.</summary>
        public XdsIssueSeverity Severity { get; init; }

        /// <summary>One line: severity, rule, object, attribute, message and value.</summary>
        /// <returns>The text.</returns>
        public override string ToString()
        {
            string shown = IsValueRedacted ? " (value redacted)" : Value is null ? string.Empty : $" (\"{Value}\")";
            return $"{Severity} {Rule} {ObjectId} {Attribute}: {Message}{shown}";
        }
    }

    /// <summary>Metadata failed a validation profile: thrown before anything is sent, with every issue found.</summary>
    public sealed class XdsValidationException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="profile">The profile name.</param>
        /// <param name="issues">The issues (at least one error).</param>
        public XdsValidationException(string profile, IEnumerable<XdsValidationIssue> issues)
            : this(profile, EquatableList<XdsValidationIssue>.From(issues))
        {
        }

        private XdsValidationException(string profile, EquatableList<XdsValidationIssue> issues)
            : base("metadata", XdsRules.Validation, Describe(profile, issues), null, false)
        {
            Profile = profile;
            Issues = issues;
        }

        /// <summary>The profile that failed.</summary>
        public string Profile { get; }

        /// <summary>Every issue found (errors and warnings).</summary>
        public IReadOnlyList<XdsValidationIssue> Issues { get; }

        private static string Describe(string profile, EquatableList<XdsValidationIssue> issues)
        {
            int errors = issues.Count(i => i.Severity == XdsIssueSeverity.Error);
            string first = string.Join("; ", issues.Where(i => i.Severity == XdsIssueSeverity.Error).Take(3).Select(i => i.ToString()));
            return $"the metadata breaks {errors} rule(s) of the {profile} profile: {first}{(errors > 3 ? "; …" : string.Empty)}";
        }
    }
}
