/**
 * The platform's shared vocabulary: who is calling ({@link org.wubu.platform.api.Caller}), money
 * ({@link org.wubu.platform.api.Money}), the shop's clock and zone ({@link org.wubu.platform.api.ShopClock}),
 * event topic conventions ({@link org.wubu.platform.api.Topics}) and the errors every area raises.
 */
@Version("1.0.0")
package org.wubu.platform.api;

import org.osgi.annotation.versioning.Version;
