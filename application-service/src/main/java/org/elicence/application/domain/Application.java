package org.elicence.application.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.elicence.messaging.events.IdCardReviewCaseClosed;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The applicant's view of one application. Typed jsonb columns hold what the other services reported: the last
 * audit ({@link LastPhotoAudit}), the licence ({@link IssuedLicence}) and a notice ({@link Notice}). Each event has one method here
 * that owns its transition (docs/api.md "Status values"; every status × event pair is in
 * {@code ApplicationTransitionsTest}); nothing else sets the status.
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public String applicantId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_action", nullable = false)
    public NextAction nextAction;

    @Column(name = "current_photo_id")
    public UUID currentPhotoId;

    /** The audit the view shows: the current photo's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "photo_audit", columnDefinition = "jsonb")
    public LastPhotoAudit photoAudit;

    /** Why the application is where it is. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Notice notice;

    @Column(name = "id_card_front")
    public String idCardFront;

    @Column(name = "id_card_back")
    public String idCardBack;

    /**
     * The upload each side's status speaks of: only its checks move the application (an older upload's, or one made
     * before staff rejected the card, are staff's record only). Null before the side is uploaded and once staff
     * rejected the card (heard from its event or, by the sweep, from staff's record), or the sweep found both sides
     * passed but no case opened: then both are asked for again.
     */
    @Column(name = "id_card_front_upload")
    public UUID idCardFrontUpload;

    @Column(name = "id_card_back_upload")
    public UUID idCardBackUpload;

    /**
     * The card review case staff opened last: only its decision moves the application, once. If the decision's event
     * never arrives (dead-lettered), the held sweep reads how staff's record shows the case closed.
     */
    @Column(name = "id_card_case")
    public UUID idCardCase;

    /** Whether the decision on {@link #idCardCase} was applied (from its event, or from staff's record by the sweep). */
    @Column(name = "id_card_case_decided", nullable = false)
    public boolean idCardCaseDecided;

    /** The issued licence, as the licence issuer published it, with its current status. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public IssuedLicence licence;

    /** The licence's online-verification QR code (PNG) as the issuer rendered it: ELV1: and a random code. */
    @Column(name = "licence_qr")
    public byte[] licenceQr;

    /** Images taken in (portraits and card sides), bounded by {@code applications.uploads.per-application}. */
    @Column(name = "uploads_taken", nullable = false)
    public int uploadsTaken;

    /** Every status moved to, oldest first; staying in a status (a card side sent again) is not a move. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "status_history", nullable = false, columnDefinition = "jsonb")
    public List<StatusChange> statusHistory = List.of();

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    // --- transitions: one method per event, each owning its rule (docs/api.md "Status values") -------------

    /** What a photo audit asks of the caller beyond the application's own state. */
    public enum AuditOutcome {
        /** Nothing more to do. */
        NONE,
        /** The current photo passed: tell the licence issuer which photo to issue from (PhotoAccepted). */
        PHOTO_ACCEPTED,
        /** No rule failed but not every rule could be verified: open a photo review case. */
        OPEN_PHOTO_REVIEW
    }

    /** Uploads are taken until the application is settled, except while staff review a photo. */
    public boolean acceptsUploads() {
        return !status.isSettled() && status != ApplicationStatus.PHOTO_UNDER_REVIEW;
    }

    /**
     * The applicant uploaded a portrait; the caller checked {@link #acceptsUploads()}. What was said about the
     * previous photo (a reviewer's answer, "upload it again") is not about this one: that notice goes, also when the
     * applicant went to the card path in between (one about the ID card stays: the card path's state is unchanged),
     * and the view shows no audit until this photo's.
     */
    public void photoUploaded(UUID photoId) {
        requireUploads();
        uploadsTaken++;
        currentPhotoId = photoId;
        if (status == ApplicationStatus.PHOTO_REJECTED || (notice != null && notice.concernsAPhoto())) {
            notice = null;
        }
        moveTo(ApplicationStatus.PHOTO_AUDITING);
    }

    /**
     * Whether a side of the ID card is taken now: as any upload, but not while the application waits for staff's review
     * of the card (ID_CARD_UNDER_REVIEW). idcard-service opens no second case while one is pending, so a side sent then
     * would wait unseen behind a decision on the sides it replaces. Only the status is read: once a portrait moved the
     * application on during the review, a side is taken again, for the held sweep mends a lost decision only in
     * ID_CARD_UNDER_REVIEW, and refusing sides elsewhere until the decision comes could block the card path for good.
     * A portrait is still taken.
     */
    public boolean acceptsIdCardSides() {
        return acceptsUploads() && status != ApplicationStatus.ID_CARD_UNDER_REVIEW;
    }

    /** The applicant uploaded one side of the ID card; the caller checked {@link #acceptsIdCardSides()}. */
    public void idCardSideUploaded(boolean front, UUID uploadId) {
        if (!acceptsIdCardSides()) {
            throw new IllegalStateException("no ID-card sides while " + status);
        }
        uploadsTaken++;
        recordIdCardSide(front, "RECEIVED");
        if (front) {
            idCardFrontUpload = uploadId;
        } else {
            idCardBackUpload = uploadId;
        }
        moveTo(ApplicationStatus.ID_CARD_CHECKING);
    }

    /**
     * The registry's photo went to the audit: counts only while nothing else happened yet (still SUBMITTED, or moved
     * on by the sweep because the registry's answer was late, the applicant having uploaded nothing since).
     */
    public void registryPhotoRetrieved(UUID photoId) {
        if (status == ApplicationStatus.SUBMITTED || registryAnswerLate()) {
            currentPhotoId = photoId;
            moveTo(ApplicationStatus.PHOTO_AUDITING);
        }
    }

    /**
     * No usable registry photo: the reason is recorded unless the application is settled (a late answer, after a photo
     * passed, would tell the applicant to upload a card that every upload is now refused for); it moves only from
     * SUBMITTED.
     */
    public void idCardUploadRequired(Notice reasonNotice) {
        if (status.isSettled()) {
            return;
        }
        notice = reasonNotice;
        if (status == ApplicationStatus.SUBMITTED) {
            moveTo(ApplicationStatus.ID_CARD_REQUIRED);
        }
    }

    /**
     * A photo's verdict. Only the current photo's verdict moves anything (issue 14): a pass settles the application
     * (the licence is made from that photo, so the caller tells the licence issuer); a failure rejects it, unless no
     * rule failed but some could not be assessed: then staff decide. A late verdict on an older photo, pass or fail
     * (say the registry photo's, after the applicant uploaded a newer one), and any verdict while staff review a
     * photo or after the application settled, move nothing; {@link #showsAuditOf} then says the view keeps the
     * newer result.
     */
    public AuditOutcome photoAudited(UUID photoId, boolean passed, boolean needsReview) {
        if (status.isSettled() || !photoId.equals(currentPhotoId)) {
            return AuditOutcome.NONE;
        }
        if (passed) {
            notice = null;
            moveTo(ApplicationStatus.LICENCE_PENDING);
            return AuditOutcome.PHOTO_ACCEPTED;
        }
        if (status == ApplicationStatus.PHOTO_UNDER_REVIEW) {
            return AuditOutcome.NONE;
        }
        if (needsReview) {
            notice = null;
            moveTo(ApplicationStatus.PHOTO_UNDER_REVIEW);
            return AuditOutcome.OPEN_PHOTO_REVIEW;
        }
        moveTo(ApplicationStatus.PHOTO_REJECTED);
        return AuditOutcome.NONE;
    }

    /**
     * Whether the applicant's view shows this photo's audit (after {@link #photoAudited}): only the current photo's.
     * A late verdict on an older photo (say the registry photo's, after an upload) is kept in the history only.
     */
    public boolean showsAuditOf(UUID photoId) {
        return photoId.equals(currentPhotoId);
    }

    /**
     * The application waited for another service longer than it ever should (a lost or dead-lettered event): it moves
     * to where the applicant can act, with a notice saying what to do. A lookup of the registry photo or an audit
     * that never answered asks for an upload; a card side whose checks never answered asks for it again, and a card
     * whose sides both passed but whose review case never opened asks for both; a licence that is late can only be
     * waited for, and the notice says so. A card under review whose case staff's record shows decided, the decision's
     * own event never having come, moves as that event would have: approved to wait for the licence, rejected to
     * ask for both sides again. Returns the notice code, or null if nothing was held (an ID card waiting for its
     * other side, or for a failed side again, waits for the applicant, not for a service; one whose card staff have
     * in a case, {@code staffCard.casePending()}, waits for their decision).
     */
    public String heldTooLong(java.util.function.Function<String, Notice> noticeFor, StaffCardRecord staffCard) {
        String code;
        ApplicationStatus next;
        switch (status) {
            case SUBMITTED -> {
                code = "REGISTRY_LOOKUP_DELAYED";
                next = ApplicationStatus.ID_CARD_REQUIRED;
            }
            case PHOTO_AUDITING -> {
                code = "PHOTO_NOT_PROCESSED";
                next = ApplicationStatus.PHOTO_REJECTED;
            }
            case ID_CARD_CHECKING -> {
                if ("RECEIVED".equals(idCardFront) || "RECEIVED".equals(idCardBack)) {
                    code = "ID_CARD_NOT_PROCESSED";
                    // Asked for again; the upload stays current until a new one replaces it, so a reading that
                    // comes late still counts (under load, card sides have waited longer than the bound).
                    idCardFront = "RECEIVED".equals(idCardFront) ? null : idCardFront;
                    idCardBack = "RECEIVED".equals(idCardBack) ? null : idCardBack;
                } else if ("PASS".equals(idCardFront) && "PASS".equals(idCardBack) && !staffCard.casePending()) {
                    // Both passed, yet no case opened: idcard-service opens none on a side whose images its
                    // retention deleted before the other side passed, nor before it has seen the application's
                    // ApplicationCreated (late or dead-lettered there), or the case's event was lost. (A side
                    // uploaded again while staff have a case opens no second one: their decision moves it.)
                    code = "ID_CARD_REVIEW_NOT_OPENED";
                    forgetIdCardSide(true);
                    forgetIdCardSide(false);
                } else {
                    return null; // a side missing or failed: the applicant's turn
                }
                next = ApplicationStatus.ID_CARD_REJECTED;
            }
            case ID_CARD_UNDER_REVIEW -> {
                String closedAs = staffCard.currentCaseClosedAs();
                if (IdCardReviewCaseClosed.APPROVED.equals(closedAs)) {
                    // the issuer reads the approval itself: a licence is on its way, or the sweep says it is late
                    code = "LICENCE_DELAYED";
                    idCardCaseDecided = true;
                    next = ApplicationStatus.LICENCE_PENDING;
                } else if (IdCardReviewCaseClosed.REJECTED.equals(closedAs)) {
                    code = "ID_CARD_NOT_ACCEPTED";
                    idCardCaseDecided = true;
                    forgetIdCardSide(true);
                    forgetIdCardSide(false);
                    next = ApplicationStatus.ID_CARD_REJECTED;
                } else {
                    return null; // staff's turn
                }
            }
            case LICENCE_PENDING -> {
                code = "LICENCE_DELAYED";
                next = ApplicationStatus.LICENCE_PENDING;
            }
            default -> {
                return null;
            }
        }
        notice = noticeFor.apply(code);
        moveTo(next);
        return code;
    }

    /**
     * An ID-card side's checks: recorded when they are of the side's current upload (an older upload's, or one made
     * before staff rejected the card, move nothing: the caller keeps them in staff's record); a failure rejects the
     * card unless settled or a photo is in review. A side that passes while the other's last check failed leaves the
     * card rejected, for no case can open on it: the applicant uploads the failed side again (the notice of its
     * failure stands).
     */
    public void idCardSideChecked(boolean front, UUID uploadId, String verdict, boolean passed, Notice failureNotice) {
        if (!uploadId.equals(front ? idCardFrontUpload : idCardBackUpload)) {
            return;
        }
        recordIdCardSide(front, verdict);
        if (!passed && !status.isSettled() && status != ApplicationStatus.PHOTO_UNDER_REVIEW) {
            notice = failureNotice;
            moveTo(ApplicationStatus.ID_CARD_REJECTED);
        } else if (passed && status == ApplicationStatus.ID_CARD_CHECKING && failed(front ? idCardBack : idCardFront)) {
            moveTo(ApplicationStatus.ID_CARD_REJECTED);
        }
    }

    /** Staff have the card in a case (its decision moves the application, whatever it is waiting for meanwhile). */
    public void idCardReviewOpened(UUID caseId) {
        idCardCase = caseId;
        idCardCaseDecided = false;
        if (!status.isSettled() && status != ApplicationStatus.PHOTO_UNDER_REVIEW) {
            notice = null;
            moveTo(ApplicationStatus.ID_CARD_UNDER_REVIEW);
        }
    }

    /**
     * A newer case whose opening application-service heard only after its closing (the two travel on different
     * topics): it moves nothing, but its decision, which follows its opening, is the one to take.
     */
    public void idCardCaseOpenedAndClosed(UUID caseId) {
        idCardCase = caseId;
        idCardCaseDecided = false;
    }

    public void idCardApproved(UUID caseId) {
        if (decisionAwaited(caseId)) {
            idCardCaseDecided = true;
            approved();
        }
    }

    /**
     * Staff turned the card down: a new case opens only on both sides uploaded again (idcard-service, as the
     * rejection's message tells the applicant), so neither side counts as uploaded any more.
     */
    public void idCardRejected(UUID caseId, Notice rejectionNotice) {
        if (status.isSettled() || !decisionAwaited(caseId)) {
            return;
        }
        idCardCaseDecided = true;
        forgetIdCardSide(true);
        forgetIdCardSide(false);
        if (status != ApplicationStatus.PHOTO_UNDER_REVIEW) {
            notice = rejectionNotice;
            moveTo(ApplicationStatus.ID_CARD_REJECTED);
        }
    }

    /** The applicant asked staff to look at the rejected photo; the caller checked the failure count. */
    public void photoReviewRequested() {
        if (status != ApplicationStatus.PHOTO_REJECTED) {
            throw new IllegalStateException("a photo review is asked for from PHOTO_REJECTED, not " + status);
        }
        notice = null;
        moveTo(ApplicationStatus.PHOTO_UNDER_REVIEW);
    }

    /** Staff approved a photo: the licence is being issued from it. */
    public void photoReviewApproved() {
        approved();
    }

    /** Staff rejected the photo under review, naming the rules; the notice quotes them. */
    public void photoReviewRejected(Notice rejectionNotice) {
        if (status == ApplicationStatus.PHOTO_UNDER_REVIEW) {
            notice = rejectionNotice;
            moveTo(ApplicationStatus.PHOTO_REJECTED);
        }
    }

    /**
     * Whether the applicant may withdraw it now: only while it waits for them (a new photo, the ID card). While it
     * waits for a service or for staff, something is in flight that would decide it anyway; once settled, the licence
     * is being issued.
     */
    public boolean mayBeWithdrawn() {
        return !status.isSettled() && THE_APPLICANTS_TURN.contains(nextAction);
    }

    /** What an application waiting for its applicant asks of them: the ones that may be withdrawn or abandoned. */
    public static final java.util.Set<NextAction> THE_APPLICANTS_TURN = java.util.EnumSet.of(NextAction.UPLOAD_PHOTO,
            NextAction.UPLOAD_ID_CARD);

    /**
     * The applicant withdrew it, or it waited for them too long ({@code why} says which): it closes, final, and takes
     * no uploads. Withdrawing a withdrawn application changes nothing.
     *
     * @return whether it moved (false: it was withdrawn already)
     * @throws IllegalStateException unless {@link #mayBeWithdrawn()}
     */
    public boolean withdraw(Notice why) {
        if (status == ApplicationStatus.WITHDRAWN) {
            return false;
        }
        if (!mayBeWithdrawn()) {
            throw new IllegalStateException("an application is withdrawn while it waits for the applicant, not " + status);
        }
        notice = why;
        moveTo(ApplicationStatus.WITHDRAWN);
        return true;
    }

    /**
     * The licence's credentials, at issue or renewal. A licence decided before the issuer read a withdrawal stands:
     * it ends a withdrawn application too. Credentials signed before the ones shown (an older licence.issued,
     * replayed from a dead-letter topic after a renewal) are not shown in their place; a status an authority set
     * after the credentials were signed (their licence.issued replayed after it) stays, and so does when it last
     * changed.
     */
    public void licenceIssued(IssuedLicence issued, byte[] qrCode) {
        if (licence != null && licence.issuedAt() != null && issued.issuedAt() != null
                && issued.issuedAt().isBefore(licence.issuedAt())) {
            return;
        }
        if (licence != null && licence.statusChangedAt() != null) {
            issued = issued.issuedAt() == null || issued.issuedAt().isBefore(licence.statusChangedAt())
                    ? issued.withStatus(licence.status(), licence.statusChangedAt())
                    : issued.withStatus(issued.status(), licence.statusChangedAt());
        }
        licence = issued;
        licenceQr = qrCode;
        notice = null;
        moveTo(ApplicationStatus.LICENCE_ISSUED);
    }

    public void licenceRefused(Notice refusalNotice) {
        if (status != ApplicationStatus.LICENCE_ISSUED) {
            notice = refusalNotice;
            moveTo(ApplicationStatus.REFUSED);
        }
    }

    /**
     * An authority suspended, revoked or reinstated the licence: its status changes, the application's does not. A
     * change older than what the licence shows (a SUSPEND replayed after the REINSTATE) changes nothing.
     */
    public void licenceStatusChanged(String licenceStatus, Instant changedAt) {
        if (licence != null && !licence.outdates(changedAt)) {
            licence = licence.withStatus(licenceStatus, changedAt);
            updatedAt = Instant.now();
        }
    }

    /** The audit of the current photo becomes the one the view shows (the caller checked {@link #showsAuditOf}). */
    public void showAudit(LastPhotoAudit audit) {
        photoAudit = audit;
    }

    private void approved() {
        if (!status.isSettled()) {
            notice = null;
            moveTo(ApplicationStatus.LICENCE_PENDING);
        }
    }

    private void requireUploads() {
        if (!acceptsUploads()) {
            throw new IllegalStateException("no uploads while " + status);
        }
    }

    /** Records a side's upload or check outcome and what the applicant must do about it. */
    private void recordIdCardSide(boolean front, String outcome) {
        if (front) {
            idCardFront = outcome;
        } else {
            idCardBack = outcome;
        }
        nextAction = nextActionFor(status);
        updatedAt = Instant.now();
    }

    /**
     * While ID-card images are being checked, a side that is still missing, or whose last check failed, must be asked
     * for: the other side's check alone opens no review case.
     */
    private NextAction nextActionFor(ApplicationStatus next) {
        if (next == ApplicationStatus.ID_CARD_CHECKING && (idCardFront == null || idCardBack == null
                || failed(idCardFront) || failed(idCardBack))) {
            return NextAction.UPLOAD_ID_CARD;
        }
        return next.nextAction();
    }

    /**
     * Whether a decision on this case (null: the event named none) still moves the application: one on the current
     * case, once. A decision on an earlier round's case, or replayed after it (or staff's record of it, read by the
     * sweep) was applied, would undo what the applicant did since. Applications under review before the case was
     * kept ({@code idCardCase} null) take any decision, as before.
     */
    private boolean decisionAwaited(UUID caseId) {
        return idCardCase == null || (!idCardCaseDecided && (caseId == null || idCardCase.equals(caseId)));
    }

    /** Handed back by the sweep for want of the registry's answer, and nothing uploaded since. */
    private boolean registryAnswerLate() {
        return status == ApplicationStatus.ID_CARD_REQUIRED && currentPhotoId == null && idCardFront == null
                && idCardBack == null && notice != null && "REGISTRY_LOOKUP_DELAYED".equals(notice.code());
    }

    /** The side is no longer uploaded: the applicant uploads it again, and a late check of the old upload moves nothing. */
    private void forgetIdCardSide(boolean front) {
        if (front) {
            idCardFront = null;
            idCardFrontUpload = null;
        } else {
            idCardBack = null;
            idCardBackUpload = null;
        }
    }

    /** Whether a side's last check answered and did not pass (not uploaded, or still being checked: not failed). */
    private static boolean failed(String side) {
        return side != null && !"RECEIVED".equals(side) && !"PASS".equals(side);
    }

    public static Optional<Application> findOwned(UUID id, String applicantId) {
        return owned(id, applicantId).firstResultOptional();
    }

    /**
     * As {@link #findOwned}, its row locked until the transaction ends: another locker waits, then reads what this one
     * wrote.
     */
    public static Optional<Application> findOwnedForUpdate(UUID id, String applicantId) {
        return owned(id, applicantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private static PanacheQuery<Application> owned(UUID id, String applicantId) {
        return Application.find("id = ?1 and applicantId = ?2", id, applicantId);
    }

    /** How many of the applicant's applications are in progress: not yet final (LICENCE_ISSUED, REFUSED, WITHDRAWN). */
    public static long countInProgress(String applicantId) {
        return Application.count("applicantId = ?1 and status not in ?2", applicantId, ApplicationStatus.FINAL);
    }

    /** When the {@code n}-th (from 0) earliest of the applicant's applications created after {@code since} was. */
    public static Optional<Instant> createdAfter(String applicantId, Instant since, int n) {
        return getEntityManager().createQuery("select a.createdAt from Application a where a.applicantId = ?1 "
                + "and a.createdAt > ?2 order by a.createdAt", Instant.class).setParameter(1, applicantId)
                .setParameter(2, since).setFirstResult(n).setMaxResults(1).getResultStream().findFirst();
    }

    public static long countCreatedAfter(String applicantId, Instant since) {
        return Application.count("applicantId = ?1 and createdAt > ?2", applicantId, since);
    }

    /** The applicant's applications, newest first, at most {@code limit} of them. */
    public static List<Application> ofApplicant(String applicantId, int limit) {
        return Application.<Application>find("applicantId = ?1 order by createdAt desc, id", applicantId)
                .page(0, limit).list();
    }

    public static Optional<Application> findByIdempotencyKey(String applicantId, String key) {
        return Application.<Application>find("applicantId = ?1 and idempotencyKey = ?2", applicantId, key)
                .firstResultOptional();
    }

    /** A new application starts SUBMITTED. */
    public void submitted() {
        moveTo(ApplicationStatus.SUBMITTED);
    }

    private void moveTo(ApplicationStatus next) {
        boolean moved = next != status;
        status = next;
        nextAction = nextActionFor(next);
        updatedAt = Instant.now();
        if (next.isFinal() && closedAt == null) {
            closedAt = updatedAt;
        }
        if (moved) {
            // a new list, not an added element: Hibernate sees the JSON column changed
            List<StatusChange> history = new ArrayList<>(statusHistory == null ? List.of() : statusHistory);
            history.add(new StatusChange(next, nextAction, updatedAt));
            statusHistory = List.copyOf(history);
        }
    }
}
