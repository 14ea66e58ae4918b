package org.wubu.catalog.api;

/**
 * One descriptive fact about a product, named and worded in both languages, e.g. 产地 / Origin =
 * 杭州 / Hangzhou, 净含量 / Net weight = 250克 / 250 g. A product holds an ordered list of them.
 *
 * @param nameZh  the attribute's name in Chinese
 * @param nameEn  the attribute's name in English
 * @param valueZh its value in Chinese
 * @param valueEn its value in English
 */
public record ProductAttribute(String nameZh, String nameEn, String valueZh, String valueEn) {

    /** Most attributes one product may carry. */
    public static final int MAX_PER_PRODUCT = 30;
    /** Longest name, in characters (either language). */
    public static final int MAX_NAME = 50;
    /** Longest value, in characters (either language). */
    public static final int MAX_VALUE = 200;
}
