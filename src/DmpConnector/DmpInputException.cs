using System;
using DmpConnector.Diagnostics;

namespace DmpConnector
{
    /// <summary>
    /// A value given to the SDK (or read from a message) breaks a rule. Carries which field, which rule, and the
    /// offending value when it may be shown.
    /// </summary>
    /// <remarks>
    /// Thrown before anything is sent or written: nothing half-done is left behind. The message names the field and
    /// the rule in plain English; the value is included only when it is not patient data, or when the application
    /// opted in through <see cref="DmpSensitiveData"/>.
    /// </remarks>
    public class DmpInputException : DmpException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">The field or path of the value, e.g. <c>INS</c> or <c>XCN.9.2</c>.</param>
        /// <param name="rule">A stable rule identifier, e.g. <c>INS-KEY</c>; see the documentation for the list.</param>
        /// <param name="explanation">What the rule requires, in plain English.</param>
        /// <param name="value">The offending value (may be null).</param>
        /// <param name="valueIsSensitive">True when the value is patient data and must be redacted unless opted in.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public DmpInputException(string field, string rule, string explanation, string? value, bool valueIsSensitive, Exception? innerException = null)
            : base(BuildMessage(field, rule, explanation, value, valueIsSensitive), innerException)
        {
            Field = field;
            Rule = rule;
            Explanation = explanation;
            IsValueRedacted = value is not null && valueIsSensitive && !DmpSensitiveData.IsIncluded;
            Value = IsValueRedacted ? null : value;
        }

        /// <summary>The field or path of the offending value, e.g. <c>INS</c>, <c>CX.4.2</c>.</summary>
        public string Field { get; }

        /// <summary>The stable identifier of the rule that failed, e.g. <c>INS-KEY</c>.</summary>
        public string Rule { get; }

        /// <summary>What the rule requires, in plain English.</summary>
        public string Explanation { get; }

        /// <summary>The offending value, or null when it was redacted (patient data) or absent.</summary>
        public string? Value { get; }

        /// <summary>True when the value was patient data and was left out of this exception.</summary>
        public bool IsValueRedacted { get; }

        private static string BuildMessage(string field, string rule, string explanation, string? value, bool sensitive)
        {
            string shown = value is null ? "no value" : DmpSensitiveData.Describe(value, sensitive);
            return $"{field} rejected by rule {rule}: {explanation} ({shown}).";
        }
    }
}
