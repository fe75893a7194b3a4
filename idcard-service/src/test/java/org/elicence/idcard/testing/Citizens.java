package org.elicence.idcard.testing;

/** The seeded ID registry of V2__id_registry.sql (docs/idcard.md), by category. */
public final class Citizens {

    /** Recent card with a registry photo (citizen-1.jpg). */
    public static final String ZHANG_WEI = "11010119900307213X";
    /** Recent card with a registry photo (citizen-2.jpg; in the tests' registry a file cut short: no usable photo). */
    public static final String LI_NA = "310104198511230466";
    /** Card issued 2008, before the 2016-01-01 cut-off. */
    public static final String WANG_FANG = "440305197806141286";
    /** Card issued 2006, before the cut-off. */
    public static final String LIU_YANG = "510104196901303518";
    /** Card issued 2015-12-31, the day before the cut-off. */
    public static final String HUANG_LI = "420102197510190843";
    /** Recent card, no photo in the registry. */
    public static final String CHEN_JING = "330106199507090625";
    /** Card issued on the cut-off day itself, no photo. */
    public static final String SUN_YUE = "320102198304152206";
    /** Valid number, not in the registry. */
    public static final String ZHAO_MIN = "330106199202290589";

    private Citizens() {
    }
}
