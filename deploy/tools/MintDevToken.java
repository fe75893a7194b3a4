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
 * Mints a development JWT (RS256) with only the JDK, so no extra tool is needed:
 * <ul>
 * <li>an applicant's, for the mobile API: {@code java deploy/tools/MintDevToken.java PRIVATE_KEY_PEM RESIDENT_ID
 * VALIDITY_SECONDS [ISSUED_AT_OFFSET_SECONDS]}; audience elicence-mobile, subject the resident ID number;</li>
 * <li>an operator's, for the operators' endpoints (/internal of idcard-service and application-service): {@code java
 * deploy/tools/MintDevToken.java PRIVATE_KEY_PEM --operator OPERATOR_ID VALIDITY_SECONDS}; audience
 * elicence-operators, subject the operator's id, role (claim groups) operator.</li>
 * </ul>
 * The issuer and audiences match the services' defaults (mp.jwt.verify.*).
 */
public class MintDevToken {

    static final String ISSUER = System.getenv().getOrDefault("ELICENCE_JWT_ISSUER", "https://auth.elicence.example");
    static final String AUDIENCE = System.getenv().getOrDefault("ELICENCE_JWT_AUDIENCE", "elicence-mobile");
    static final String OPERATOR_AUDIENCE = System.getenv().getOrDefault("ELICENCE_JWT_OPERATOR_AUDIENCE",
            "elicence-operators");

    public static void main(String[] args) throws Exception {
        boolean operator = args.length == 4 && args[1].equals("--operator");
        if (operator) {
            args = new String[] {args[0], args[2], args[3]};
        } else if (args.length != 3 && args.length != 4) {
            System.err.println("usage: MintDevToken PRIVATE_KEY_PEM RESIDENT_ID VALIDITY_SECONDS [ISSUED_AT_OFFSET_SECONDS]\n"
                    + "       MintDevToken PRIVATE_KEY_PEM --operator OPERATOR_ID VALIDITY_SECONDS");
            System.exit(2);
        }
        String subject = args[1];
        if (operator && !subject.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            System.err.println("the operator id is lower-case letters, digits and dashes (reviewer-001)");
            System.exit(2);
        }
        if (!operator && !subject.matches("[0-9]{17}[0-9X]")) {
            System.err.println("the subject must be an 18-character resident ID number");
            System.exit(2);
        }
        // a non-zero offset mints what the identity provider never would (a token from the future), for tests
        long now = Instant.now().getEpochSecond() + (args.length == 4 ? Long.parseLong(args[3]) : 0);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + (operator ? OPERATOR_AUDIENCE : AUDIENCE)
                + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + (operator ? "\"groups\":[\"operator\"]," : "")
                + "\"iat\":" + now + ",\"exp\":" + (now + Long.parseLong(args[2]))
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
