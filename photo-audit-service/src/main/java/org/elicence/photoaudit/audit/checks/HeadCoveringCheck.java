package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * R5: head covering, judged from the colour of the top of the head (the crown region between the top of the
 * head and the forehead, over the central 60 % of the face width). Each pixel there is background (person
 * mask, plain walls only), skin of this face, or "material": hair or a covering.
 * <ul>
 * <li>FAIL {@code HEAD_COVERED} when much of the material has a colour no natural hair has: clearly coloured
 * (chroma >= covering-min-chroma) with a hue outside the hair hues (black, brown, blond, red and grey hair
 * all lie between hair-min-hue and hair-max-hue in Lab), or more saturated than any hair
 * (chroma > hair-max-chroma).</li>
 * <li>PASS {@code BAREHEADED} when the crown is scalp (skin) or when enough of the material has a natural
 * hair colour (brown, blond, auburn: chromatic and within the hair hues).</li>
 * <li>NOT_ASSESSABLE otherwise: a black, dark-grey, grey or white crown is black or grey hair as well as a
 * dark or light cap, scarf or hat, and colour cannot tell them apart; a reviewer decides. R5 is not a
 * mandatory rule, so this does not reject the photo.</li>
 * </ul>
 * On a white wall, the wall's tint (the colour cast) is removed first, in proportion to each pixel's lightness.
 * Shape and edges were measured and rejected as evidence: a fringe gives as long and straight a horizontal
 * edge across the forehead as a cap band, and the silhouette height does not separate a cap from voluminous
 * hair (docs/photo-audit.md, Limitations).
 */
public final class HeadCoveringCheck extends BaseCheck {

    /** Crown region bounds: from just under the head top to the forehead top, in face box fractions. */
    private static final double CROWN_BELOW_TOP = 0.04;
    private static final double CROWN_BOTTOM = 0.05;
    private static final double CROWN_LEFT = 0.20;
    private static final double CROWN_RIGHT = 0.80;
    /** Without a plain wall the head top is only estimated: the crown is then taken this far above the box only. */
    private static final double ESTIMATED_CROWN_TOP = -0.15;
    /** Smallest crown region (fraction of the face box area) worth judging. */
    private static final double MIN_CROWN_AREA = 0.03;

    private static final Guidance REMOVE = new Guidance("请勿戴帽子、头巾或发箍，露出整个头部",
            "Remove your hat, cap, hood, headscarf or headband so your whole head is visible");
    private static final Guidance NOT_VISIBLE = new Guidance("照片中看不到头顶，无法判断是否戴帽，将由人工审核",
            "The top of your head is not visible, so head coverings could not be checked; a reviewer will check this");
    private static final Guidance UNDECIDED = new Guidance("头顶为黑色、灰色或白色，无法自动区分头发与帽子，将由人工审核",
            "The top of your head is black, grey or white: hair cannot be told from a hat by colour; a reviewer will check this");

    public HeadCoveringCheck() {
        super("R5", "HEAD_COVERING", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Face c = a.config().face();
        Rect box = a.requireFace().box();
        HeadGeometry head = a.head();
        int top = head.measured() ? head.top() + (int) Math.round(box.height * CROWN_BELOW_TOP)
                : (int) Math.round(box.y + box.height * ESTIMATED_CROWN_TOP);
        int bottom = (int) Math.round(box.y + box.height * CROWN_BOTTOM);
        int x0 = (int) Math.round(box.x + box.width * CROWN_LEFT);
        Rect crown = Regions.clip(new Rect(x0, top, (int) Math.round(box.width * (CROWN_RIGHT - CROWN_LEFT)), bottom - top),
                a.lab());
        if (crown.area() < box.area() * MIN_CROWN_AREA) {
            return notAssessable(NOT_VISIBLE);
        }
        Counts n = count(a, crown, c);
        int judged = n.skin + n.material;
        if (judged < crown.area() / 3) {
            // mostly wall-coloured: white or grey hair, or a white cap, on a white wall
            return notAssessable(UNDECIDED);
        }
        if (n.skin >= judged * c.minScalpSkinFraction()) {
            return Results.pass(rule(), "BAREHEADED", 0.0, "<= " + Results.fmt(c.maxNonHairColourFraction()),
                    "non-hair-coloured fraction of the crown");
        }
        double nonHair = n.nonHairColour / (double) n.material;
        if (nonHair > c.maxNonHairColourFraction()) {
            return Results.fail(rule(), "HEAD_COVERED", nonHair, "<= " + Results.fmt(c.maxNonHairColourFraction()),
                    "non-hair-coloured fraction of the crown", REMOVE);
        }
        if (n.hairColour >= n.material * c.minHairColourFraction()) {
            return Results.pass(rule(), "BAREHEADED", nonHair, "<= " + Results.fmt(c.maxNonHairColourFraction()),
                    "non-hair-coloured fraction of the crown");
        }
        return notAssessable(UNDECIDED);
    }

    private record Counts(int skin, int material, int hairColour, int nonHairColour) {
    }

    private static Counts count(PhotoAnalysis a, Rect crown, AuditConfig.Face c) {
        Mat lab = a.lab().submat(crown);
        Mat skin = a.skin().skinMask().submat(crown);
        boolean plainWall = a.background().uniform();
        Mat person = a.background().personMask().submat(crown);
        int area = crown.width * crown.height;
        byte[] labPx = new byte[area * 3];
        byte[] skinPx = new byte[area];
        byte[] personPx = new byte[area];
        lab.clone().get(0, 0, labPx);
        skin.clone().get(0, 0, skinPx);
        person.clone().get(0, 0, personPx);
        // a white wall's tint is the photo's colour cast: removed in proportion to lightness, so that a cast
        // does not turn black or grey hair into a "coloured" crown
        LabColour wall = a.background().colour();
        boolean whiteWall = plainWall && wall.l() >= ColourCheck.NEAR_WHITE_WALL;
        double castA = whiteWall ? wall.a() / wall.l() : 0;
        double castB = whiteWall ? wall.b() / wall.l() : 0;
        int nSkin = 0;
        int nMaterial = 0;
        int nHair = 0;
        int nNonHair = 0;
        for (int i = 0; i < skinPx.length; i++) {
            if (plainWall && personPx[i] == 0) {
                continue;
            }
            if (skinPx[i] != 0) {
                nSkin++;
                continue;
            }
            nMaterial++;
            double lightness = (labPx[3 * i] & 0xFF) * 100.0 / 255.0;
            double aa = (labPx[3 * i + 1] & 0xFF) - 128.0 - castA * lightness;
            double bb = (labPx[3 * i + 2] & 0xFF) - 128.0 - castB * lightness;
            double chroma = Math.hypot(aa, bb);
            double hue = Math.toDegrees(Math.atan2(bb, aa));
            hue = hue < 0 ? hue + 360 : hue;
            boolean hairHue = hue >= c.hairMinHue() && hue <= c.hairMaxHue();
            if (chroma > c.hairMaxChroma() || (chroma >= c.coveringMinChroma() && !hairHue)) {
                nNonHair++;
            } else if (chroma >= c.coveringMinChroma()) {
                nHair++;
            }
        }
        return new Counts(nSkin, nMaterial, nHair, nNonHair);
    }
}
