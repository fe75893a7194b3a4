package org.elicence.photoaudit.service;

import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardReadingRequested;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.image.UploadedImageBase64;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.photoaudit.card.CardSideChecker;
import org.elicence.photoaudit.card.CardSideReport;
import org.elicence.photoaudit.card.CardSideUpload;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads an ID-card side idcard-service asks about and answers with what was found (docs/idcard.md, "Who reads the
 * card"). Runs inside the inbox transaction, so the answer is published once per request. Nothing of the card is
 * kept here: the image, the number and the name live in the request and the answer only.
 */
@ApplicationScoped
public class CardReadingService {

    private static final Logger LOG = Logger.getLogger(CardReadingService.class);

    private final CardSideChecker checker;
    private final Outbox outbox;

    @Inject
    public CardReadingService(CardSideChecker checker, Outbox outbox) {
        this.checker = checker;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void read(IdCardReadingRequested request) {
        CardSideUpload upload = new CardSideUpload(request.side(),
                UploadedImageBase64.decodeOrEmpty(request.imageBase64()), request.applicantId(),
                request.applicantName());
        CardSideReport report = checker.check(upload);
        outbox.publish(request.applicationId(), new IdCardSideRead(request.applicationId(), request.uploadId(),
                request.side(), report.checks(), EncodedImage.of(report.rectifiedCard()),
                EncodedImage.of(report.portrait()), report.perceptualHash()));
        LOG.infof("application %s: %s upload %s read, %s", request.applicationId(), request.side(),
                request.uploadId(), report.verdict());
    }
}
