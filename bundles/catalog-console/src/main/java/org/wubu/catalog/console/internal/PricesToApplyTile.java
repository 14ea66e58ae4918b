package org.wubu.catalog.console.internal;

import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.catalog.api.CatalogService;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.console.api.DashboardTile;
import org.wubu.platform.api.Caller;

/**
 * Dashboard tile for the content specialist: "Price changes to apply: 3", the approved proposals whose
 * new price is not in force yet (CAT-1: the price changes only when the specialist applies it).
 */
@Component(service = DashboardTile.class)
public class PricesToApplyTile implements DashboardTile {

    private final CatalogService catalog;

    @Activate
    public PricesToApplyTile(@Reference CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public String id() {
        return "catalog.prices-to-apply";
    }

    @Override
    public String title(Locale locale) {
        return CatalogTexts.of(locale).get("catalog.tile.pricesToApply");
    }

    @Override
    public Optional<String> value(Caller caller, Locale locale) {
        int n = catalog.priceProposals(caller, null, PriceProposalStatus.APPROVED_AWAITING_APPLY, CatalogService.MAX_PROPOSALS).size();
        return Optional.of(n >= CatalogService.MAX_PROPOSALS ? n + "+" : Integer.toString(n));
    }

    @Override
    public String link() {
        return PriceChangesPage.PATH;
    }

    @Override
    public String permission() {
        return CatalogService.PRICE_APPLY;
    }

    @Override
    public int order() {
        return 200;
    }
}
