namespace DmpConnector.Soap
{
    /// <summary>The SOAP version of an envelope. The SDK writes SOAP 1.2 only and reads both.</summary>
    public enum SoapVersion
    {
        /// <summary>SOAP 1.1 (<c>http://schemas.xmlsoap.org/soap/envelope/</c>); read only, as in the official TD2.1 example.</summary>
        Soap11 = 11,

        /// <summary>SOAP 1.2 (<c>http://www.w3.org/2003/05/soap-envelope</c>), what the DMP speaks.</summary>
        Soap12 = 12,
    }
}
