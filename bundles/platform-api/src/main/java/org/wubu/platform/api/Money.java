package org.wubu.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Never a double: amounts are {@link BigDecimal}s held at the
 * currency's minor unit (2 places for CNY), and arithmetic refuses to mix currencies.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The shop's default currency. */
    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new ValidationException("amount " + amount.toPlainString() + " has more than " + scale
                    + " decimal places for " + currency.getCurrencyCode());
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Parses a decimal string such as {@code "129.00"}; rejects anything that is not an exact amount. */
    public static Money of(String amount, String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("unknown currency '" + currencyCode + "'");
        }
        try {
            return new Money(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("'" + amount + "' is not an amount of money");
        }
    }

    public static Money cny(String amount) {
        return of(amount, "CNY");
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ValidationException("cannot combine " + currency.getCurrencyCode() + " with "
                    + other.currency.getCurrencyCode());
        }
    }

    /** The decimal string form used in JSON and the database, e.g. {@code 129.00}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
