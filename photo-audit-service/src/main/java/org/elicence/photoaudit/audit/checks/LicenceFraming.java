package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.render.LicenceCrop;
import org.opencv.core.Rect2d;

/**
 * Where the licence portrait falls in the photo, and whether the photo holds the wall the portrait shows above and
 * beside the head: C2's measure (and C3's hair touching the top edge), which R2 reads as well. When the crop
 * reaches beyond the photo there, or the hair is cut at the top, the wall around the head is not in the photo, and
 * what is left of it (slivers at the edges, hair at the frame) says nothing of a shadow, a clutter or an uneven
 * light behind the head.
 */
final class LicenceFraming {

    private final FaceSizeCheck.Settings settings;
    private final AuditConfig.Portrait portrait;

    LicenceFraming(FaceSizeCheck.Settings settings, AuditConfig.Portrait portrait) {
        this.settings = settings;
        this.portrait = portrait;
    }

    FaceSizeCheck.Settings settings() {
        return settings;
    }

    /** The licence portrait's crop in working-image pixels; it may reach beyond the photo. */
    Rect2d crop(PhotoAnalysis a) {
        return LicenceCrop.inWorkingImage(a.requireFace(), portrait, a.work().cols(), a.work().rows());
    }

    /** How far the crop reaches beyond the top or the sides of the photo, as a fraction of its height. */
    double overhangAboveAndBeside(PhotoAnalysis a) {
        return LicenceCrop.overhangAboveAndBeside(crop(a), a.work().cols(), a.work().rows());
    }

    /**
     * The photo holds the wall above and beside the head that the portrait shows: the hair does not touch the top
     * edge (C3's cut head) and the crop stays within C2's tolerance of the photo.
     */
    boolean showsWallAroundHead(PhotoAnalysis a) {
        return !a.requireFace().head().touchesTop() && overhangAboveAndBeside(a) <= settings.maxCropOverhang();
    }
}
