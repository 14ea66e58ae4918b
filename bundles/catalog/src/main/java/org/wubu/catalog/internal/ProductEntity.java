package org.wubu.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.wubu.catalog.api.Product;
import org.wubu.catalog.api.ProductAttribute;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Money;

/**
 * The stored form of a product. STOCK and RESERVED are written only at insert: afterwards they
 * change through single guarded SQL updates (no overselling), never through an edit.
 */
@Entity
@Table(name = "CAT_PRODUCT")
public class ProductEntity {

    @Id
    @Column(name = "SKU", length = 64)
    private String sku;

    @Column(name = "TITLE_ZH", nullable = false, length = 200)
    private String titleZh;

    @Column(name = "TITLE_EN", nullable = false, length = 200)
    private String titleEn;

    @Column(name = "SEARCH_TEXT", nullable = false, length = 500)
    private String searchText;

    @Column(name = "DESCRIPTION_ZH", nullable = false, length = 4000)
    private String descriptionZh;

    @Column(name = "DESCRIPTION_EN", nullable = false, length = 4000)
    private String descriptionEn;

    @Column(name = "CATEGORY", nullable = false, length = 200)
    private String category;

    /** The attributes as a JSON array ({@link ProductAttributes}). */
    @Column(name = "ATTRIBUTES", nullable = false, length = 20000)
    private String attributes = "[]";

    @Column(name = "STATUS", nullable = false, length = 20)
    private String status;

    @Column(name = "DELIST_REASON", length = 500)
    private String delistReason;

    @Column(name = "PRICE", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    @Column(name = "STOCK", nullable = false, updatable = false)
    private long stock;

    @Column(name = "RESERVED", nullable = false, updatable = false)
    private long reserved;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "UPDATED_BY", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ProductEntity() {
        // for JPA
    }

    ProductEntity(String sku, ProductStatus status, Money price, long stock, String by, LocalDateTime at) {
        this.sku = sku;
        this.status = status.name();
        this.price = price.amount();
        this.currency = price.currency().getCurrencyCode();
        this.stock = stock;
        this.createdAt = at;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void describe(String titleZh, String titleEn, String descriptionZh, String descriptionEn, String category) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.category = category;
        this.searchText = search(sku, titleZh, titleEn);
    }

    void attributes(List<ProductAttribute> list) {
        this.attributes = ProductAttributes.toJson(list);
    }

    /** The lower-cased SKU and titles of V1 (kept filled; searching uses the term index, {@link SearchTerms}). */
    static String search(String sku, String titleZh, String titleEn) {
        String s = (sku + " " + titleZh + " " + titleEn).toLowerCase(Locale.ROOT);
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    void touched(String by, LocalDateTime at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void price(Money newPrice) {
        this.price = newPrice.amount();
        this.currency = newPrice.currency().getCurrencyCode();
    }

    String sku() {
        return sku;
    }

    long version() {
        return version;
    }

    String updatedBy() {
        return updatedBy;
    }

    LocalDateTime updatedAt() {
        return updatedAt;
    }

    Money money() {
        return new Money(price, Currency.getInstance(currency.trim()));
    }

    Product toProduct() {
        return new Product(sku, titleZh, titleEn, descriptionZh, descriptionEn, category, ProductStatus.valueOf(status),
                delistReason, money(), stock, version, updatedBy, Utc.of(updatedAt), ProductAttributes.fromJson(attributes));
    }
}
