namespace DmpConnector.Identity
{
    /// <summary>The rule an INS value broke. Each has a stable identifier (see <see cref="DmpInputException.Rule"/>).</summary>
    public enum InsRule
    {
        /// <summary>No rule failed.</summary>
        None = 0,

        /// <summary><c>INS-EMPTY</c>: the value is null or empty.</summary>
        Empty,

        /// <summary><c>INS-LENGTH</c>: the value is not 15 characters (13 for the number, 2 for the key).</summary>
        Length,

        /// <summary><c>INS-CHARACTERS</c>: only digits are allowed (and <c>2A</c>/<c>2B</c> as the Corsican department); no spaces or separators.</summary>
        Characters,

        /// <summary><c>INS-SEX</c>: the first digit must be 1 or 2 (3, 4, 7, 8 for temporary and pending registrations).</summary>
        Sex,

        /// <summary><c>INS-MONTH</c>: the birth month must be 01–12, or one of the special values 20–42 and 50–99.</summary>
        Month,

        /// <summary><c>INS-DEPARTMENT</c>: the birth department must exist (01–99 with 2A/2B; 97x/98x overseas; 99 abroad).</summary>
        Department,

        /// <summary><c>INS-KEY</c>: the key must equal 97 − (the 13-digit number mod 97), with 2A read as 19 and 2B as 18.</summary>
        Key,

        /// <summary><c>INS-OID</c>: the assigning authority is not an INS OID (…1.4.8, .9, .10 or .11).</summary>
        Oid,

        /// <summary><c>INS-CX</c>: the HL7 CX string is not of the form <c>value^^^&amp;OID&amp;ISO^NH</c>.</summary>
        Cx,
    }
}
