package org.elicence.photoaudit.audit.checks;

/** Holds the identity of a check so each check class only contains its measurement. */
abstract class BaseCheck implements PhotoCheck {

    private final String rule;
    private final String name;
    private final boolean requiresFace;

    BaseCheck(String rule, String name, boolean requiresFace) {
        this.rule = rule;
        this.name = name;
        this.requiresFace = requiresFace;
    }

    @Override
    public final String rule() {
        return rule;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean requiresFace() {
        return requiresFace;
    }
}
