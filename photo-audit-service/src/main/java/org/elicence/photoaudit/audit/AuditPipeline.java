package org.elicence.photoaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.elicence.messaging.events.PhotoAudited;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.checks.PhotoCheck;

/** Runs every check in spec order; face checks only when exactly one face was found. */
public final class AuditPipeline {

    static final Guidance DISABLED = new Guidance("此项检查已被管理员关闭", "This check is disabled by the operator");

    private final List<PhotoCheck> checks;
    private final Set<String> disabledRules;

    public AuditPipeline(List<PhotoCheck> checks, List<String> disabledRules) {
        this.checks = List.copyOf(checks);
        this.disabledRules = disabledRules.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
    }

    public List<PhotoCheck> checks() {
        return checks;
    }

    public List<CheckResult> run(PhotoAnalysis analysis) {
        boolean oneFace = analysis.face().isPresent();
        List<CheckResult> results = new ArrayList<>(checks.size());
        for (PhotoCheck check : checks) {
            if (disabledRules.contains(check.rule())) {
                results.add(new CheckResult(check.rule(), PhotoAudited.RULE_DISABLED, CheckVerdict.NOT_ASSESSABLE, null,
                        null, null, DISABLED));
            } else if (check.requiresFace() && !oneFace) {
                results.add(check.notAssessable(PhotoCheck.NEEDS_ONE_FACE));
            } else {
                results.add(check.evaluate(analysis));
            }
        }
        return results;
    }
}
