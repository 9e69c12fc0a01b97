using System;

namespace DmpConnector.Soap
{
    /// <summary>
    /// A SOAP envelope (received or given to the writer) breaks a rule: not an envelope, no body, a security header that
    /// is not one well-formed element. <see cref="DmpInputException.Rule"/> starts with <c>SOAP-</c>.
    /// </summary>
    public class SoapFormatException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">What was wrong, e.g. <c>Envelope</c>, <c>wsse:Security</c>.</param>
        /// <param name="rule">The rule id, e.g. <c>SOAP-NOT-ENVELOPE</c>.</param>
        /// <param name="explanation">What the rule requires.</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public SoapFormatException(string field, string rule, string explanation, Exception? innerException = null)
            : base(field, rule, explanation, null, false, innerException)
        {
        }
    }
}
