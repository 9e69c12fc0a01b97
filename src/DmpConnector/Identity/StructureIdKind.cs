namespace DmpConnector.Identity
{
    /// <summary>The kind of a national structure identifier (Struct IdNat), given by its first character.</summary>
    public enum StructureIdKind
    {
        /// <summary><c>0</c> + cabinet ADELI number.</summary>
        CabinetAdeli = 0,

        /// <summary><c>1</c> + FINESS number (9 characters, Luhn key).</summary>
        Finess = 1,

        /// <summary><c>2</c> + SIREN number (9 digits, Luhn key).</summary>
        Siren = 2,

        /// <summary><c>3</c> + SIRET number (14 digits, Luhn key).</summary>
        Siret = 3,

        /// <summary><c>4</c> + RPPS number and activity rank (the structure of a practitioner's own cabinet).</summary>
        RppsRang = 4,
    }
}
