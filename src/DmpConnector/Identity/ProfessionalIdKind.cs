namespace DmpConnector.Identity
{
    /// <summary>The kind of a national health professional identifier (IdNat PS), given by its first character.</summary>
    public enum ProfessionalIdKind
    {
        /// <summary><c>0</c> + ADELI number (9 characters).</summary>
        Adeli = 0,

        /// <summary><c>1</c> + cabinet ADELI number / internal id.</summary>
        CabinetAdeliInternal = 1,

        /// <summary><c>3</c> + FINESS / internal id (staff identified by their establishment).</summary>
        FinessInternal = 3,

        /// <summary><c>4</c> + SIREN / internal id.</summary>
        SirenInternal = 4,

        /// <summary><c>5</c> + SIRET / internal id.</summary>
        SiretInternal = 5,

        /// <summary><c>6</c> + cabinet RPPS id / internal id.</summary>
        CabinetRppsInternal = 6,

        /// <summary><c>8</c> + RPPS number (11 digits, Luhn key).</summary>
        Rpps = 8,
    }
}
