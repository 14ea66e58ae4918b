package org.wubu.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.wubu.catalog.internal.CatalogFixture.DIRECTOR;
import static org.wubu.catalog.internal.CatalogFixture.PLANNER;
import static org.wubu.catalog.internal.CatalogFixture.SPECIALIST;
import static org.wubu.catalog.internal.CatalogFixture.WAREHOUSE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.approvals.api.Decision;
import org.wubu.catalog.api.CompetitorEvidence;
import org.wubu.catalog.api.PriceProposal;
import org.wubu.catalog.api.PriceProposalStatus;
import org.wubu.catalog.api.ProductDraft;
import org.wubu.catalog.api.ProductStatus;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.Money;
import org.wubu.platform.api.ValidationException;
import org.wubu.testsupport.ServletCall;

/**
 * The price proposals of a product and of the whole catalog, newest first and filtered by status: the
 * console's product page and its "waiting to be applied" list read them.
 */
public class PriceProposalListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Rule
    public final CatalogFixture f = new CatalogFixture();

    private CatalogServlet servlet;
    private PriceProposal teaApproved;
    private PriceProposal teaPending;
    private PriceProposal cupPending;

    @Before
    public void setUp() {
        servlet = new CatalogServlet(f.catalog, f.clock());
        for (String sku : List.of("TEA-1", "CUP-1")) {
            f.catalog.insert(Caller.SYSTEM, new ProductDraft(sku, "商品 " + sku, "Product " + sku, "", "", "test", Money.cny("50.00")),
                    ProductStatus.LISTED, 5);
        }
        teaApproved = propose("TEA-1", "45.00");
        f.approvals.decide(DIRECTOR, teaApproved.approvalId(), Decision.APPROVE, "ok");
        teaPending = propose("TEA-1", "48.00");
        cupPending = propose("CUP-1", "40.00");
    }

    private PriceProposal propose(String sku, String price) {
        return f.catalog.proposePrice(PLANNER, sku, Money.cny(price),
                new CompetitorEvidence("京东自营", Money.cny("44.00"), "https://jd.example/1", Instant.parse("2026-11-26T08:00:00Z")), "match");
    }

    private static List<Long> ids(List<PriceProposal> ps) {
        return ps.stream().map(PriceProposal::id).toList();
    }

    @Test
    public void ofOneProductOrAllNewestFirstAndByStatus() {
        assertEquals(List.of(teaPending.id(), teaApproved.id()), ids(f.catalog.priceProposals(WAREHOUSE, "TEA-1", null, 50)));
        assertEquals(List.of(cupPending.id(), teaPending.id(), teaApproved.id()), ids(f.catalog.priceProposals(WAREHOUSE, null, null, 50)));
        assertEquals(List.of(teaApproved.id()),
                ids(f.catalog.priceProposals(SPECIALIST, null, PriceProposalStatus.APPROVED_AWAITING_APPLY, 50)));
        assertEquals(List.of(cupPending.id()), ids(f.catalog.priceProposals(SPECIALIST, null, null, 1)));

        f.catalog.applyPrice(SPECIALIST, teaApproved.id());
        assertEquals(List.of(), f.catalog.priceProposals(SPECIALIST, null, PriceProposalStatus.APPROVED_AWAITING_APPLY, 50));
        assertEquals(PriceProposalStatus.APPLIED, f.catalog.priceProposals(SPECIALIST, "TEA-1", PriceProposalStatus.APPLIED, 5).get(0).status());
    }

    @Test(expected = ValidationException.class)
    public void theLimitIsBounded() {
        f.catalog.priceProposals(SPECIALIST, null, null, 1000);
    }

    @Test
    public void overHttpWithTheEvidenceAndClearRefusals() throws IOException {
        ServletCall.Answer mine = ServletCall.call(servlet, "GET", "/products/TEA-1/price-proposals", SPECIALIST, null, null);
        assertEquals(mine.text(), 200, mine.status());
        JsonNode items = JSON.readTree(mine.text()).path("items");
        assertEquals(2, items.size());
        assertEquals(teaPending.id(), items.get(0).path("id").asLong());
        assertEquals("48.00", items.get(0).path("newPrice").path("amount").asText());
        assertEquals("50.00", items.get(0).path("oldPrice").path("amount").asText());
        assertEquals("京东自营", items.get(0).path("competitor").asText());
        assertEquals("PENDING", items.get(0).path("status").asText());

        ServletCall.Answer waiting = ServletCall.call(servlet, "GET", "/price-proposals?status=approved_awaiting_apply", SPECIALIST, null, null);
        assertEquals(waiting.text(), 200, waiting.status());
        List<Long> waitingIds = new ArrayList<>();
        JSON.readTree(waiting.text()).path("items").forEach(n -> waitingIds.add(n.path("id").asLong()));
        assertEquals(List.of(teaApproved.id()), waitingIds);

        assertEquals(400, ServletCall.call(servlet, "GET", "/price-proposals?status=maybe", SPECIALIST, null, null).status());
        assertEquals(400, ServletCall.call(servlet, "GET", "/price-proposals?limit=0", SPECIALIST, null, null).status());
        assertEquals(404, ServletCall.call(servlet, "GET", "/products/NOPE/price-proposals", SPECIALIST, null, null).status());
    }
}
