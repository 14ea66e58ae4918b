package org.wubu.security.api;

/**
 * A token just created: the only time its secret is known. Show it once; it cannot be shown again.
 *
 * @param secret the value for {@code Authorization: Bearer <secret>}, {@code wubu_} followed by 43 characters
 */
public record NewApiToken(ApiToken token, String secret) {

    /** The secret is never printed. */
    @Override
    public String toString() {
        return "NewApiToken[" + token + "]";
    }
}
