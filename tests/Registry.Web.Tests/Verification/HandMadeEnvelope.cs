using System.Numerics;
using System.Security.Cryptography;

namespace Registry.Web.Tests.Verification;

/// <summary>
/// A correctly signed envelope around arbitrary claim bytes, built by hand from the README's layout, for
/// codes the library's signer refuses to make (another claims version).
/// </summary>
public static class HandMadeEnvelope
{
    public static byte[] Sign(SignerLease signer, byte[] claims)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(claims);
        byte[] protectedHeader = [0x49, 0xA2, 0x01, 0x26, 0x04, 0x44, .. signer.Signer.KeyId.ToBytes()];
        byte[] payload = claims.Length < 24 ? [(byte)(0x40 + claims.Length), .. claims] : [0x58, (byte)claims.Length, .. claims];
        byte[] toBeSigned = [0x84, 0x6A, .. Encoding.ASCII.GetBytes("Signature1"), .. protectedHeader, 0x40, .. payload];
        var signature = LowS(signer.Key.SignData(toBeSigned, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return [0x84, .. protectedHeader, 0xA0, .. payload, 0x58, 0x40, .. signature];
    }

    /// <summary>The format's one spelling of a signature: s replaced by n − s when it is above n/2.</summary>
    private static byte[] LowS(byte[] signature)
    {
        var order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        if (s <= order / 2)
        {
            return signature;
        }

        var low = (byte[])signature.Clone();
        Array.Clear(low, 32, 32);
        var bytes = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(low, 64 - bytes.Length);
        return low;
    }
}
