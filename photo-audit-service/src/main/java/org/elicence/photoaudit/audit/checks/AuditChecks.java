package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.SmallRyeConfig;
import java.util.List;
import org.elicence.photoaudit.audit.AuditConfig;

/**
 * The checks in the order of the product specification's tables, each built with its own settings group.
 * {@link #SETTINGS} lists those groups for a configuration built outside Quarkus (tests, tools).
 */
public final class AuditChecks {

    public static final List<Class<?>> SETTINGS = List.of(AuditConfig.class, FaceSizeCheck.Settings.class,
            HeadInFrameCheck.Settings.class, ExposureCheck.Settings.class,
            HeadRollCheck.Settings.class, ExpressionCheck.Settings.class, FaceLightingCheck.Settings.class,
            BackgroundCheck.Settings.class, BackgroundShadowCheck.Settings.class, ShouldersCheck.Settings.class,
            HeadYawCheck.Settings.class, HeadPitchCheck.Settings.class,
            HairOverFaceCheck.Settings.class, SkinSmoothingCheck.Settings.class, ClothingCheck.Settings.class,
            FaceCoverCheck.Settings.class, EyesCheck.Settings.class, AccessoriesCheck.Settings.class,
            SelfieCheck.Settings.class);

    private AuditChecks() {
    }

    public static List<PhotoCheck> create(SmallRyeConfig config) {
        AuditConfig audit = config.getConfigMapping(AuditConfig.class);
        LicenceFraming framing = new LicenceFraming(config.getConfigMapping(FaceSizeCheck.Settings.class),
                audit.portrait());
        return List.of(
                new FaceCountCheck(),
                new FaceSizeCheck(framing),
                new HeadInFrameCheck(config.getConfigMapping(HeadInFrameCheck.Settings.class)),
                new SharpnessCheck(),
                new ExposureCheck(config.getConfigMapping(ExposureCheck.Settings.class), audit.portrait()),
                new ColourCheck(audit.colour()),
                new ResolutionCheck(),
                new CompressionCheck(),
                new HeadRollCheck(config.getConfigMapping(HeadRollCheck.Settings.class)),
                new ExpressionCheck(config.getConfigMapping(ExpressionCheck.Settings.class)),
                new FaceLightingCheck(config.getConfigMapping(FaceLightingCheck.Settings.class)),
                new BackgroundCheck(config.getConfigMapping(BackgroundCheck.Settings.class), framing),
                new BackgroundShadowCheck(config.getConfigMapping(BackgroundShadowCheck.Settings.class),
                        framing),
                new ShouldersCheck(config.getConfigMapping(ShouldersCheck.Settings.class)),
                new HeadYawCheck(config.getConfigMapping(HeadYawCheck.Settings.class)),
                new HeadPitchCheck(config.getConfigMapping(HeadPitchCheck.Settings.class)),
                new HeadCoveringCheck(),
                new HairOverFaceCheck(config.getConfigMapping(HairOverFaceCheck.Settings.class)),
                new SkinSmoothingCheck(config.getConfigMapping(SkinSmoothingCheck.Settings.class)),
                new ClothingCheck(config.getConfigMapping(ClothingCheck.Settings.class), framing),
                new FaceCoverCheck(config.getConfigMapping(FaceCoverCheck.Settings.class)),
                new EyesCheck(config.getConfigMapping(EyesCheck.Settings.class)),
                new AccessoriesCheck(config.getConfigMapping(AccessoriesCheck.Settings.class)),
                new SelfieCheck(config.getConfigMapping(SelfieCheck.Settings.class)));
    }
}
