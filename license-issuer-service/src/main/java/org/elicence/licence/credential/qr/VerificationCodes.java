package org.elicence.licence.credential.qr;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The online-verification QR code, like the national app's: {@code ELV1:} and a random 128-bit code in 32
 * upper-case hex digits. It names one issued credential in the register and holds nothing about its holder; the
 * public verify endpoint answers for it, with the licence's elements while that credential is valid (as showing the
 * licence would) and with the verdict alone once it is not (renewed, suspended, revoked, expired). Upper case keeps the text
 * in the QR alphanumeric mode: 37 characters make a code of version 3 at most at error correction M (29 modules),
 * about 8 px a module at 300 px.
 */
public final class VerificationCodes {

    public static final String PREFIX = "ELV1:";
    private static final int CODE_BYTES = 16;
    private static final Pattern QR_TEXT = Pattern.compile("ELV1:[0-9A-F]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    /** A fresh code: 128 random bits, 32 upper-case hex digits. */
    public static String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** The text the QR code holds. */
    public static String qrText(String code) {
        return PREFIX + code;
    }

    /** The code in a scanned text ({@code ELV1:} and 32 hex digits, either case), or empty for anything else. */
    public static Optional<String> codeOf(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        String text = scanned.strip().toUpperCase(Locale.ROOT);
        return QR_TEXT.matcher(text).matches() ? Optional.of(text.substring(PREFIX.length())) : Optional.empty();
    }
}
