package org.wubu.catalog.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.catalog.api.CatalogService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.media.MediaItem;
import org.wubu.platform.web.Rest;

/**
 * REST of product images under {@code /api/catalog/images/{sku}} (reading needs {@code catalog.read},
 * changes {@code catalog.product.edit}); every answer is the product's images in display order:
 * {@code {"sku":"TEA-LJ-250","items":[{"mediaId","position","altZh","altEn","url","contentType",
 * "size","addedBy","addedAt"}]}}.
 * <ul>
 *   <li>{@code GET}: the list.</li>
 *   <li>{@code POST {"mediaId","altZh","altEn"}}: adds an image uploaded before to {@code /api/media?kind=image}
 *       as the last one (201).</li>
 *   <li>{@code DELETE {"mediaId"}} (or {@code DELETE .../{sku}/{mediaId}}): removes one; a listed product keeps its last (409).</li>
 *   <li>{@code PUT {"order":["<mediaId>",...]}}: the new display order, naming every image once.</li>
 * </ul>
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-images")
@HttpWhiteboardServletPattern("/catalog/images/*")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ProductImagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST and DELETE. */
    public record ImageBody(String mediaId, String altZh, String altEn) {
    }

    /** Body of PUT. */
    public record OrderBody(List<String> order) {
    }

    private final transient ProductImages images;
    private final transient ShopClock clock;

    @Activate
    public ProductImagesServlet(@Reference ProductImages images, @Reference ShopClock clock) {
        this.images = images;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = caller(req);
            String sku = sku(req, false);
            Rest.json(resp, 200, answer(sku, images.list(caller, sku)));
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = caller(req);
            String sku = sku(req, false);
            ImageBody body = Rest.body(req, ImageBody.class);
            Rest.json(resp, 201, answer(sku, images.add(caller, sku, body.mediaId(), body.altZh(), body.altEn())));
        });
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = caller(req);
            String[] p = Rest.segments(req);
            String sku = sku(req, true);
            String mediaId = p.length == 2 ? p[1] : Rest.body(req, ImageBody.class).mediaId();
            Rest.json(resp, 200, answer(sku, images.remove(caller, sku, mediaId)));
        });
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = caller(req);
            String sku = sku(req, false);
            Rest.json(resp, 200, answer(sku, images.reorder(caller, sku, Rest.body(req, OrderBody.class).order())));
        });
    }

    /** The caller, after the servlet's declared permission (before any path is resolved). */
    private static Caller caller(HttpServletRequest req) {
        Caller caller = Rest.caller(req);
        caller.require(CatalogService.READ);
        return caller;
    }

    private static String sku(HttpServletRequest req, boolean mediaIdAllowed) {
        String[] p = Rest.segments(req);
        if (p.length == 1 || (mediaIdAllowed && p.length == 2)) {
            return p[0];
        }
        throw new NotFoundException("catalog images resource", String.join("/", p));
    }

    private Map<String, Object> answer(String sku, List<ProductImage> list) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("items", list.stream().map(this::image).collect(Collectors.toList()));
        return body;
    }

    private Map<String, Object> image(ProductImage i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mediaId", i.mediaId());
        m.put("position", i.position());
        m.put("altZh", i.altZh());
        m.put("altEn", i.altEn());
        m.put("url", Rest.CONTEXT_PATH + "/media/" + i.mediaId());
        Optional<MediaItem> item = images.media().find(i.mediaId());
        m.put("contentType", item.map(MediaItem::contentType).orElse(null));
        m.put("size", item.map(MediaItem::size).orElse(null));
        m.put("addedBy", i.addedBy());
        m.put("addedAt", i.addedAt().atZone(clock.zone()).toOffsetDateTime().toString());
        return m;
    }
}
