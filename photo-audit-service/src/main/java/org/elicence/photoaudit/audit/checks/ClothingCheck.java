package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * R8: skin in the chest band below the neck means bare shoulders or a low-cut top; clothing that has the
 * background's colour on the shoulders means a white top merging with the white background.
 */
public final class ClothingCheck extends SkinBasedCheck {

    private static final Guidance COVERED = new Guidance("请穿有领、有袖的深色或彩色上衣，不要露肩或穿低领衣服",
            "Wear a top with sleeves and a collar; no bare shoulders, sleeveless or low-cut tops");
    private static final Guidance CONTRAST = new Guidance("上衣颜色与白色背景太接近：请换一件深色或彩色上衣",
            "Your top is as white as the background: wear a darker or coloured top");

    public ClothingCheck() {
        super("R8", "CLOTHING");
    }

    @Override
    CheckResult evaluateWithSkin(PhotoAnalysis a) {
        AuditConfig.Clothing c = a.config().clothing();
        Rect face = a.requireFace().box();
        int chin = a.head().chin();
        int cx = (int) Math.round(a.head().centreX());
        Rect chest = new Rect(cx - face.width, chin + (int) (face.height * 0.35), 2 * face.width, (int) (face.height * 0.6));
        if (!Regions.isUsable(Regions.clip(chest, a.work()))) {
            return notAssessable(PhotoCheck.NEEDS_ONE_FACE);
        }
        double skin = Regions.fraction(a.skin().skinMask(), chest);
        if (skin > c.maxChestSkin()) {
            return Results.fail(rule(), "BARE_SHOULDERS", skin, "<= " + Results.fmt(c.maxChestSkin()),
                    "skin fraction below the neck", COVERED);
        }
        if (!a.background().uniform() || a.background().colour().l() < 80) {
            return Results.pass(rule(), "CLOTHING_OK", skin, "<= " + Results.fmt(c.maxChestSkin()), "skin fraction below the neck");
        }
        // both shoulders, leaving out the neck and collar (a white shirt collar is fine)
        Mat backgroundLike = a.background().backgroundMask();
        int top = chin + (int) (face.height * 0.45);
        int height = (int) (face.height * 0.4);
        double merged = (Regions.fraction(backgroundLike, new Rect(cx - (int) (face.width * 1.1), top, (int) (face.width * 0.65), height))
                + Regions.fraction(backgroundLike, new Rect(cx + (int) (face.width * 0.45), top, (int) (face.width * 0.65), height))) / 2;
        backgroundLike.release();
        return Results.atMost(rule(), "CLOTHING_OK", "CLOTHING_MERGES_WITH_BACKGROUND", merged,
                c.maxShoulderBackgroundLike(), "background-coloured fraction of the shoulders", CONTRAST);
    }
}
