namespace DmpConnector.Identity
{
    /// <summary>Stable identifiers and plain-English explanations of the <see cref="Identity.InsRule"/> values.</summary>
    public static class InsRules
    {
        /// <summary>The stable identifier of a rule, e.g. <c>INS-KEY</c>.</summary>
        /// <param name="rule">The rule.</param>
        /// <returns>The identifier.</returns>
        public static string Id(InsRule rule) => rule switch
        {
            InsRule.None => "INS-OK",
            InsRule.Empty => "INS-EMPTY",
            InsRule.Length => "INS-LENGTH",
            InsRule.Characters => "INS-CHARACTERS",
            InsRule.Sex => "INS-SEX",
            InsRule.Month => "INS-MONTH",
            InsRule.Department => "INS-DEPARTMENT",
            InsRule.Key => "INS-KEY",
            InsRule.Oid => "INS-OID",
            InsRule.Cx => "INS-CX",
            _ => "INS-UNKNOWN",
        };

        /// <summary>What a rule requires, in plain English.</summary>
        /// <param name="rule">The rule.</param>
        /// <returns>The explanation.</returns>
        public static string Explain(InsRule rule) => rule switch
        {
            InsRule.None => "the value is valid",
            InsRule.Empty => "an INS is required and the value is empty",
            InsRule.Length => "an INS has 15 characters: a 13-character number followed by a 2-digit key",
            InsRule.Characters => "an INS contains only digits, except 2A or 2B as the Corsican birth department (positions 6-7); no spaces or separators",
            InsRule.Sex => "the first digit (sex) must be 1 or 2, or 3, 4, 7, 8 for pending and temporary registrations",
            InsRule.Month => "the birth month (positions 4-5) must be 01 to 12, or a special value 20 to 42 or 50 to 99",
            InsRule.Department => "the birth department (positions 6-7) must be 01 to 99 or 2A/2B; 00 does not exist",
            InsRule.Key => "the key must equal 97 minus the 13-digit number modulo 97 (2A counts as 19 and 2B as 18); the value was probably mistyped",
            InsRule.Oid => "the assigning authority must be an INS OID: 1.2.250.1.213.1.4.8 (NIR), .9 (NIA), .10 (test NIR) or .11 (demo NIR)",
            InsRule.Cx => "an INS in HL7 CX form reads value^^^&OID&ISO^NH",
            _ => "unknown rule",
        };
    }
}
