namespace DmpConnector.Identity
{
    /// <summary>Administrative sex, as in the INS identity traits and the CI-SIS value set (J143: M, F, U).</summary>
    public enum Sex
    {
        /// <summary>Unknown or not given (<c>U</c>).</summary>
        Unknown = 0,

        /// <summary>Male (<c>M</c>).</summary>
        Male = 1,

        /// <summary>Female (<c>F</c>).</summary>
        Female = 2,
    }
}
