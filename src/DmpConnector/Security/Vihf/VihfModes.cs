namespace DmpConnector.Security
{
    /// <summary>How the user authenticated, the VIHF <c>Authentification_mode</c> attribute.</summary>
    public enum VihfAuthenticationMode
    {
        /// <summary><c>DIRECTE</c>: the professional's own CPS card (or e-CPS).</summary>
        Direct = 0,

        /// <summary><c>INDIRECTE</c>: the establishment authenticates its users and signs with its certificate.</summary>
        Indirect = 1,

        /// <summary><c>INDIRECTE_RENFORCEE</c> (AIR): reinforced indirect authentication with an establishment certificate.</summary>
        IndirectReinforced = 2,
    }

    /// <summary>The access mode, the VIHF <c>purposeofuse</c> attribute (TRE_R248 ModeAcces, OID 1.2.250.1.213.1.1.4.248).</summary>
    public enum VihfAccessMode
    {
        /// <summary><c>normal</c>: Accès normal.</summary>
        Normal = 0,

        /// <summary><c>bris_de_glace</c>: emergency access (Accès en bris de glace).</summary>
        BrisDeGlace = 1,

        /// <summary><c>centre_15</c>: access by a medical regulation centre (Accès par un centre de régulation médicale).</summary>
        Centre15 = 2,
    }

    /// <summary>The wire values of the VIHF enumerations.</summary>
    public static class VihfCodes
    {
        /// <summary>TRE_R248 ModeAcces, the code system of the access mode.</summary>
        public const string AccessModeCodeSystem = "1.2.250.1.213.1.1.4.248";

        /// <summary>The <c>Authentification_mode</c> value of a mode.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns><c>DIRECTE</c>, <c>INDIRECTE</c> or <c>INDIRECTE_RENFORCEE</c>.</returns>
        public static string Of(VihfAuthenticationMode mode) => mode switch
        {
            VihfAuthenticationMode.Indirect => "INDIRECTE",
            VihfAuthenticationMode.IndirectReinforced => "INDIRECTE_RENFORCEE",
            _ => "DIRECTE",
        };

        /// <summary>The TRE_R248 code of an access mode.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns><c>normal</c>, <c>bris_de_glace</c> or <c>centre_15</c>.</returns>
        public static string Of(VihfAccessMode mode) => mode switch
        {
            VihfAccessMode.BrisDeGlace => "bris_de_glace",
            VihfAccessMode.Centre15 => "centre_15",
            _ => "normal",
        };

        /// <summary>The TRE_R248 display name of an access mode.</summary>
        /// <param name="mode">The mode.</param>
        /// <returns>The French display name.</returns>
        public static string DisplayNameOf(VihfAccessMode mode) => mode switch
        {
            VihfAccessMode.BrisDeGlace => "Accès en bris de glace",
            VihfAccessMode.Centre15 => "Accès par un centre de régulation médicale",
            _ => "Accès normal",
        };

        /// <summary>Parses <c>DIRECTE</c>, <c>INDIRECTE</c>, <c>INDIRECTE_RENFORCEE</c> (case-insensitive).</summary>
        /// <param name="value">The text.</param>
        /// <param name="mode">The mode.</param>
        /// <returns>True when recognised.</returns>
        public static bool TryParseAuthenticationMode(string? value, out VihfAuthenticationMode mode)
        {
            switch (value?.Trim().ToUpperInvariant())
            {
                case "DIRECTE":
                    mode = VihfAuthenticationMode.Direct;
                    return true;
                case "INDIRECTE":
                    mode = VihfAuthenticationMode.Indirect;
                    return true;
                case "INDIRECTE_RENFORCEE":
                    mode = VihfAuthenticationMode.IndirectReinforced;
                    return true;
                default:
                    mode = VihfAuthenticationMode.Direct;
                    return false;
            }
        }

        /// <summary>Parses <c>normal</c>, <c>bris_de_glace</c>, <c>centre_15</c> (case-insensitive).</summary>
        /// <param name="value">The text.</param>
        /// <param name="mode">The mode.</param>
        /// <returns>True when recognised.</returns>
        public static bool TryParseAccessMode(string? value, out VihfAccessMode mode)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "normal":
                    mode = VihfAccessMode.Normal;
                    return true;
                case "bris_de_glace":
                    mode = VihfAccessMode.BrisDeGlace;
                    return true;
                case "centre_15":
                    mode = VihfAccessMode.Centre15;
                    return true;
                default:
                    mode = VihfAccessMode.Normal;
                    return false;
            }
        }
    }
}
