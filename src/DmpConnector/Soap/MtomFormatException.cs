using System;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A multipart/related (MTOM/XOP) message cannot be read or written: a bad Content-Type, a missing boundary, a
    /// truncated part, an unresolved <c>xop:Include</c>, or a configured limit exceeded (<c>MTOM-LIMIT-…</c> rules).
    /// <see cref="DmpInputException.Rule"/> starts with <c>MTOM-</c>.
    /// </summary>
    public class MtomFormatException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">What was wrong, e.g. <c>Content-Type</c>, <c>Content-ID</c>, <c>part 3</c>.</param>
        /// <param name="rule">The rule id, e.g. <c>MTOM-BOUNDARY</c>.</param>
        /// <param name="explanation">What the rule requires.</param>
        /// <param name="value">The offending value (content ids, header values; never document bytes), or null.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public MtomFormatException(string field, string rule, string explanation, string? value = null, Exception? innerException = null)
            : base(field, rule, explanation, value, false, innerException)
        {
        }

        /// <summary>True when the message broke a configured limit (<see cref="MtomReaderOptions"/>) rather than the format.</summary>
        public bool IsLimitExceeded => Rule.StartsWith("MTOM-LIMIT-", StringComparison.Ordinal);
    }
}
