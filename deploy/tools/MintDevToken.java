import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints a development JWT (RS256) for the mobile API with only the JDK, so no extra tool is needed:
 * {@code java deploy/tools/MintDevToken.java PRIVATE_KEY_PEM RESIDENT_ID VALIDITY_SECONDS}.
 * The issuer and audience match application-service's defaults (mp.jwt.verify.*).
 */
public class MintDevToken {

    static final String ISSUER = System.getenv().getOrDefault("ELICENCE_JWT_ISSUER", "https://auth.elicence.example");
    static final String AUDIENCE = System.getenv().getOrDefault("ELICENCE_JWT_AUDIENCE", "elicence-mobile");

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: MintDevToken PRIVATE_KEY_PEM RESIDENT_ID VALIDITY_SECONDS [ISSUED_AT_OFFSET_SECONDS]");
            System.exit(2);
        }
        String subject = args[1];
        if (!subject.matches("[0-9]{17}[0-9X]")) {
            System.err.println("the subject must be an 18-character resident ID number");
            System.exit(2);
        }
        // a non-zero offset mints what the identity provider never would (a token from the future), for tests
        long now = Instant.now().getEpochSecond() + (args.length == 4 ? Long.parseLong(args[3]) : 0);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"upn\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + Long.parseLong(args[2]))
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(readPrivateKey(Path.of(args[0])));
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64Url(rs256.sign()));
    }

    static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
