namespace DmpConnector.Identity
{
    /// <summary>An INS value (NIR or NIA) could not be accepted. <see cref="InsRule"/> says which rule failed.</summary>
    /// <remarks>The INS is patient data: the value is redacted from the message unless the application opted in.</remarks>
    public sealed class InsFormatException : DmpInputException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="field">The field that carried the value, usually <c>INS</c>.</param>
        /// <param name="insRule">The rule that failed.</param>
        /// <param name="value">The offending value.</param>
        public InsFormatException(string field, InsRule insRule, string? value)
            : base(field, InsRules.Id(insRule), InsRules.Explain(insRule), value, valueIsSensitive: true)
        {
            InsRule = insRule;
        }

        /// <summary>The rule that failed.</summary>
        public InsRule InsRule { get; }
    }
}
