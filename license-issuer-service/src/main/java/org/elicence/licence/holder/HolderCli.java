package org.elicence.licence.holder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.UUID;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.Pem;
import org.elicence.licence.credential.qr.QrCodes;

/**
 * A holder's device on the command line, for development and interoperability checks (deploy/holder.sh):
 *
 * <pre>
 * keygen  &lt;device-key.pem&gt;                        new P-256 device key; prints the public JWK to register
 *                                                  (PUT /api/v1/applications/{id}/device-key)
 * present &lt;credential&gt; &lt;device-key.pem&gt; [nonce]   prints a POST /api/v1/licences/verify body: a DeviceResponse
 *                                                  signed for the online SessionTranscript of nonce (random if
 *                                                  none) and that transcript
 * copy    &lt;credential&gt;                           the same body with a DeviceResponse lacking deviceSigned
 * engage  &lt;qr.png&gt;                               writes the ISO 18013-5 device-engagement QR an app shows, at
 *                                                  300 px, and prints its text, mdoc:&lt;base64url DeviceEngagement&gt;
 *                                                  (its ephemeral key is discarded: the CLI serves no BLE session)
 * </pre>
 *
 * {@code <credential>} is a file holding the base64url IssuerSigned (the app's licence, {@code mso_mdoc}) or
 * Document.
 */
public final class HolderCli {

    static final int ENGAGEMENT_QR_PIXELS = 300;

    private HolderCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && "keygen".equals(args[0])) {
            KeyPair pair = KeyHierarchyGenerator.newP256KeyPair();
            Path file = Path.of(args[1]);
            Files.writeString(file, Pem.write(pair.getPrivate()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the key stays with the default permissions
            }
            System.out.println(jwk((ECPublicKey) pair.getPublic()));
        } else if (args.length >= 3 && "present".equals(args[0])) {
            String nonce = args.length > 3 ? args[3] : UUID.randomUUID().toString();
            byte[] transcript = DeviceResponses.onlineSessionTranscript(nonce);
            byte[] response = DeviceResponses.signed(credential(args[1]), Pem.readPrivateKey(Path.of(args[2])), transcript);
            System.out.println(verifyBody(response, transcript));
        } else if (args.length >= 2 && "copy".equals(args[0])) {
            System.out.println(verifyBody(DeviceResponses.withoutDeviceSignature(credential(args[1])), null));
        } else if (args.length >= 2 && "engage".equals(args[0])) {
            byte[] engagement = DeviceEngagements.encode(KeyHierarchyGenerator.newP256KeyPair().getPublic(),
                    UUID.randomUUID());
            String text = DeviceEngagements.qrText(engagement);
            Files.write(Path.of(args[1]), QrCodes.png(text, ENGAGEMENT_QR_PIXELS));
            System.out.println(text);
        } else {
            System.err.println("usage: keygen <device-key.pem> | present <credential> <device-key.pem> [nonce] "
                    + "| copy <credential> | engage <qr.png>");
            System.exit(2);
        }
    }

    /** RFC 7517 JWK of a P-256 public key, coordinates fixed at 32 bytes. */
    public static String jwk(ECPublicKey key) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + b64(coordinate(key.getW().getAffineX())) + "\",\"y\":\""
                + b64(coordinate(key.getW().getAffineY())) + "\"}";
    }

    private static String verifyBody(byte[] deviceResponse, byte[] transcript) {
        return "{\"credential\":\"" + b64(deviceResponse) + "\""
                + (transcript == null ? "" : ",\"sessionTranscript\":\"" + b64(transcript) + "\"") + "}";
    }

    private static byte[] credential(String file) throws IOException {
        String text = Files.readString(Path.of(file), StandardCharsets.US_ASCII).strip();
        return Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
    }

    private static byte[] coordinate(java.math.BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
