package org.wubu.catalog.api;

/**
 * One field changed by a revision, e.g. {@code titleEn}, {@code price}, {@code status} or
 * {@code attribute:产地/Origin}; the old value is null when the field was first set, the new one null
 * when it was removed.
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
