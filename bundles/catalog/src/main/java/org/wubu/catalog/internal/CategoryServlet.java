package org.wubu.catalog.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.wubu.catalog.api.Category;
import org.wubu.catalog.api.CategoryService;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.web.Rest;

/**
 * REST of the category tree under {@code /api/catalog/categories}: {@code GET} the tree (each node with its
 * product counts and children), {@code POST} {@code {"path","nameZh","nameEn","sortOrder"}} to create one
 * (201), {@code PUT categories/{path}} {@code {"nameZh","nameEn","sortOrder","version"}} to rename one.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + CatalogService.READ)
@HttpWhiteboardServletName("wubu-catalog-categories")
@HttpWhiteboardServletPattern({"/catalog/categories", "/catalog/categories/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class CategoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Body of POST (path, names, optional sort order) and PUT (names, optional sort order and version). */
    public record CategoryBody(String path, String nameZh, String nameEn, Integer sortOrder, Long version) {
    }

    private final transient CategoryService categories;
    private final transient ShopClock clock;

    @Activate
    public CategoryServlet(@Reference CategoryService categories, @Reference ShopClock clock) {
        this.categories = categories;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ); // the servlet's declared permission, before any path is resolved
            String path = path(req);
            List<Category> all = categories.categories(caller);
            if (path.isEmpty()) {
                Rest.json(resp, 200, Map.of("items", tree(all, null)));
                return;
            }
            Category c = all.stream().filter(x -> x.path().equals(path)).findFirst()
                    .orElseThrow(() -> new NotFoundException("category", path));
            Map<String, Object> body = category(c);
            body.put("children", tree(all, path));
            Rest.json(resp, 200, body);
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ);
            if (!path(req).isEmpty()) {
                throw new NotFoundException("catalog resource", "categories/" + path(req));
            }
            CategoryBody b = Rest.body(req, CategoryBody.class);
            Category created = categories.create(caller, b.path(), b.nameZh(), b.nameEn(), b.sortOrder());
            resp.setHeader("Location", req.getContextPath() + "/catalog/categories/" + created.path());
            Map<String, Object> body = category(created);
            body.put("children", List.of());
            Rest.json(resp, 201, body);
        });
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(CatalogService.READ);
            String path = path(req);
            if (path.isEmpty()) {
                throw new NotFoundException("catalog resource", "categories");
            }
            CategoryBody b = Rest.body(req, CategoryBody.class);
            Category renamed = categories.rename(caller, path, b.nameZh(), b.nameEn(), b.sortOrder(), b.version());
            Rest.json(resp, 200, category(renamed));
        });
    }

    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        return p == null ? "" : p.replaceAll("^/+|/+$", "");
    }

    /** The categories below a parent (null: the top level) as nested JSON, in the service's order. */
    private List<Map<String, Object>> tree(List<Category> all, String parent) {
        Map<String, List<Category>> byParent = new HashMap<>();
        for (Category c : all) {
            byParent.computeIfAbsent(c.parentPath() == null ? "" : c.parentPath(), k -> new ArrayList<>()).add(c);
        }
        return nodes(byParent, parent == null ? "" : parent);
    }

    private List<Map<String, Object>> nodes(Map<String, List<Category>> byParent, String parent) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Category c : byParent.getOrDefault(parent, List.of())) {
            Map<String, Object> m = category(c);
            m.put("children", nodes(byParent, c.path()));
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> category(Category c) {
        ZoneId zone = clock.zone();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", c.path());
        m.put("parentPath", c.parentPath());
        m.put("nameZh", c.nameZh());
        m.put("nameEn", c.nameEn());
        m.put("sortOrder", c.sortOrder());
        m.put("productCount", c.productCount());
        m.put("totalCount", c.totalCount());
        m.put("version", c.version());
        m.put("updatedBy", c.updatedBy());
        m.put("updatedAt", c.updatedAt() == null ? null : c.updatedAt().atZone(zone).toOffsetDateTime().toString());
        return m;
    }
}
