namespace DmpConnector.Soap
{
    /// <summary>The XML namespaces and well-known values of SOAP, WS-Addressing, WS-Security and XOP.</summary>
    public static class SoapNamespaces
    {
        /// <summary>The SOAP 1.2 envelope namespace.</summary>
        public const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";

        /// <summary>The SOAP 1.1 envelope namespace.</summary>
        public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";

        /// <summary>The WS-Addressing 1.0 namespace.</summary>
        public const string Addressing = "http://www.w3.org/2005/08/addressing";

        /// <summary>The WS-Addressing anonymous address (reply on the same HTTP connection).</summary>
        public const string AnonymousAddress = "http://www.w3.org/2005/08/addressing/anonymous";

        /// <summary>The WS-Security 1.0 <c>wsse</c> namespace.</summary>
        public const string WsSecurity = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

        /// <summary>The XOP include namespace (<c>xop:Include</c>).</summary>
        public const string Xop = "http://www.w3.org/2004/08/xop/include";
    }
}
