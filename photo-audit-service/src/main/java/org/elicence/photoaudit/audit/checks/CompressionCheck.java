package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.analysis.JpegBlockiness;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;

/**
 * C7: JPEG blockiness on the face at decoded resolution ({@link JpegBlockiness}, settings
 * {@code photo-audit.c7-compression.*}), measured once in the analysis because R5 reads the decision too.
 */
public final class CompressionCheck extends BaseCheck {

    private static final Measure BLOCK_EDGE_BLOCK_GRADIENT = new Measure("压缩块边缘梯度 / 块内梯度", "block-edge / in-block gradient");

    private static final Guidance ORIGINAL = new Guidance("照片压缩过度：请上传原始照片，不要经过聊天软件转发或反复保存",
            "The photo is too compressed: upload the original file, not one forwarded by a chat app or re-saved");

    public CompressionCheck() {
        super("C7", "COMPRESSION", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        JpegBlockiness b = a.blockiness();
        return Results.atMost(rule(), "COMPRESSION_OK", "COMPRESSION_ARTEFACTS", b.measured(), b.limit(),
                BLOCK_EDGE_BLOCK_GRADIENT, ORIGINAL);
    }
}
