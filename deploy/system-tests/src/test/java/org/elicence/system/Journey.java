package org.elicence.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The kinds of application the reliability runs mix, each with the end state it must reach. Every kind
 * crosses a different set of services; together they cross all four and every topic.
 */
enum Journey {

    /** Registry photo (Grace Hopper, cap) audited and rejected: application → idcard → photo audit → application. */
    REGISTRY_PHOTO_REJECTED("11010119900307213X", "张伟", null, null, "PHOTO_REJECTED"),
    /** Old card uploaded, approved by the (automated) reviewer, licence issued: all four services. */
    CARD_APPROVED_LICENCE_ISSUED("440305197806141286", "王芳", "wang-fang", null, "LICENCE_ISSUED"),
    /** The same for a second licence holder, so two licences race their own applications. */
    CARD_APPROVED_SECOND_HOLDER("510104196901303518", "刘洋", "liu-yang", null, "LICENCE_ISSUED"),
    /** Card approved, but no driving-licence record: the issuer refuses. */
    CARD_APPROVED_NO_RECORD("610113200112254177", "杨磊", "yang-lei", null, "REFUSED"),
    /** Old card, a portrait uploaded instead and rejected by the audit. */
    UPLOADED_PORTRAIT_REJECTED("420102197510190843", "黄丽", null, "grace_hopper.jpg", "PHOTO_REJECTED");

    final String residentId;
    final String name;
    final String idCard;
    final String portrait;
    final String endState;

    Journey(String residentId, String name, String idCard, String portrait, String endState) {
        this.residentId = residentId;
        this.name = name;
        this.idCard = idCard;
        this.portrait = portrait;
        this.endState = endState;
    }

    byte[] cardSide(String side) {
        return resource("idcards/" + idCard + "-" + side + ".jpg");
    }

    byte[] portraitBytes() {
        return resource("photos/" + portrait);
    }

    static byte[] resource(String path) {
        try (InputStream in = Journey.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
