package org.elicence.photoaudit.card.testing;

import java.util.List;

/**
 * What a generated test card shows: the seeded fictional citizens of idcard-service's registry (its
 * V2__id_registry.sql, docs/idcard.md) and
 * the two valid numbers not in the registry, each with a portrait of a real person of the Face Research Lab
 * London set (src/test/resources/card-portraits, CC BY 4.0). Names, numbers and addresses are fictional.
 */
public record CardHolder(String residentId, String name, String nameLatin, String sex, String address,
        String authority, String validity, String portrait) {

    public static final CardHolder ZHANG_WEI = new CardHolder("11010119900307213X", "张伟", "ZHANG Wei", "男",
            "北京市西城区示例路12号", "北京市公安局西城分局", "2019.05.20-2039.05.20", "frl_005.jpg");
    public static final CardHolder LI_NA = new CardHolder("310104198511230466", "李娜", "LI Na", "女",
            "上海市黄浦区示例街8号", "上海市公安局黄浦分局", "2021.08.02-2041.08.02", "frl_127.jpg");
    public static final CardHolder WANG_FANG = new CardHolder("440305197806141286", "王芳", "WANG Fang", "女",
            "广东省深圳市福田区示例路6号", "深圳市公安局福田分局", "2008.09.10-2028.09.10", "frl_002.jpg");
    public static final CardHolder LIU_YANG = new CardHolder("510104196901303518", "刘洋", "LIU Yang", "男",
            "四川省成都市锦江区示例街3号", "成都市公安局锦江分局", "2006.04.18-长期", "frl_119.jpg");
    public static final CardHolder HUANG_LI = new CardHolder("420102197510190843", "黄丽", "HUANG Li", "女",
            "湖北省武汉市江岸区示例路9号", "武汉市公安局江岸分局", "2015.12.31-2035.12.31", "frl_007.jpg");
    public static final CardHolder CHEN_JING = new CardHolder("330106199507090625", "陈静", "CHEN Jing", "女",
            "浙江省杭州市上城区示例街15号", "杭州市公安局上城分局", "2017.10.11-2027.10.11", "frl_010.jpg");
    public static final CardHolder YANG_LEI = new CardHolder("610113200112254177", "杨磊", "YANG Lei", "男",
            "陕西省西安市长安区示例路21号", "西安市公安局长安分局", "2018.01.15-2028.01.15", "frl_017.jpg");
    public static final CardHolder SUN_YUE = new CardHolder("320102198304152206", "孙悦", "SUN Yue", "女",
            "江苏省南京市玄武区示例街7号", "南京市公安局玄武分局", "2016.01.01-2036.01.01", "frl_014.jpg");
    public static final CardHolder ZHAO_MIN = new CardHolder("330106199202290589", "赵敏", "ZHAO Min", "女",
            "浙江省杭州市上城区示例路2号", "杭州市公安局上城分局", "2020.03.01-2040.03.01", "frl_011.jpg");
    public static final CardHolder ZHOU_JIE = new CardHolder("320102198808081755", "周杰", "ZHOU Jie", "男",
            "江苏省南京市玄武区示例路18号", "南京市公安局玄武分局", "2012.06.30-2032.06.30", "frl_043.jpg");

    public static final List<CardHolder> ALL = List.of(ZHANG_WEI, LI_NA, WANG_FANG, LIU_YANG, HUANG_LI, CHEN_JING,
            YANG_LEI, SUN_YUE, ZHAO_MIN, ZHOU_JIE);

    /**
     * The same card with a validity that ended years ago: a 10-year term starting 20 years before this card's
     * start, as printed on a card that was not renewed.
     */
    public CardHolder expired() {
        String start = validity.substring(0, 10);
        int year = Integer.parseInt(start.substring(0, 4));
        String monthDay = start.substring(4);
        return new CardHolder(residentId, name, nameLatin, sex, address, authority,
                (year - 20) + monthDay + "-" + (year - 10) + monthDay, portrait);
    }

    /** The printed birth date: year, month and day without leading zeros, as on the card. */
    public String[] birth() {
        return new String[] {residentId.substring(6, 10), String.valueOf(Integer.parseInt(residentId.substring(10, 12))),
                String.valueOf(Integer.parseInt(residentId.substring(12, 14)))};
    }

    @Override
    public String toString() {
        return nameLatin;
    }
}
